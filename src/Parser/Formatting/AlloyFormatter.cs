using System.Text;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Parser.Formatting;

/// <summary>
/// The canonical formatter: the output of <c>alloy fmt</c>, byte for byte, except where upstream damages code
/// (see the README section "Differences from alloy fmt"). Pipeline as upstream: walker → printer → tab writer
/// (Go's text/tabwriter semantics) → trimmer.
/// </summary>
public static class AlloyFormatter
{
    /// <summary>The canonical text of a file: LF line endings, ending with exactly one "\n", no BOM.</summary>
    /// <exception cref="InvalidOperationException">The tree has syntax errors.</exception>
    public static string Format(SyntaxTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (tree.HasErrors)
        {
            throw new InvalidOperationException($"{tree.Source.Path} has syntax errors and cannot be formatted.");
        }

        var output = new StringBuilder(tree.Source.Length + 64);
        Print(tree, baseIndent: 0, output);
        return output.Append('\n').ToString();
    }

    /// <summary>
    /// <see cref="Format"/> with the file's own line endings: "\r\n" when most of the source's line breaks are
    /// "\r\n" (line breaks already "\r\n", inside raw strings, stay as they are). This is what rewriting a file
    /// in place writes, and what a file must equal to count as formatted.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tree has syntax errors.</exception>
    public static string FormatKeepingLineEndings(SyntaxTree tree)
    {
        var formatted = Format(tree);
        if (tree.Source.LineEnding == "\n")
        {
            return formatted;
        }

        var builder = new StringBuilder(formatted.Length + formatted.Length / 16);
        for (var i = 0; i < formatted.Length; i++)
        {
            if (formatted[i] == '\n' && (i == 0 || formatted[i - 1] != '\r'))
            {
                builder.Append('\r');
            }

            builder.Append(formatted[i]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Prints a snippet of statements canonically for insertion into a file: every line is indented by
    /// <paramref name="indentLevel"/> tabs (except the continuation lines of multi-line raw strings, whose
    /// content must not change), lines are joined with <paramref name="newline"/>, and there is no trailing
    /// newline. Fixes use this so they never assemble layout by hand.
    /// </summary>
    /// <exception cref="ArgumentException">The snippet does not parse.</exception>
    public static string FormatSnippet(string alloySource, int indentLevel = 0, string newline = "\n")
    {
        ArgumentNullException.ThrowIfNull(alloySource);
        ArgumentOutOfRangeException.ThrowIfNegative(indentLevel);
        ArgumentException.ThrowIfNullOrEmpty(newline);
        var tree = AlloyParser.Parse(SourceText.From(alloySource, "<snippet>"));
        if (tree.HasErrors)
        {
            var error = tree.Diagnostics[0];
            throw new ArgumentException(
                $"The snippet does not parse: {tree.Source.GetPosition(error.Span.Start)}: {error.Message}",
                nameof(alloySource));
        }

        var output = new StringBuilder(alloySource.Length + 64);
        Print(tree, indentLevel, output);
        return newline == "\n" ? output.ToString() : output.Replace("\n", newline).ToString();
    }

    /// <summary>Upstream's Fprint: the formatted text without the final newline.</summary>
    private static void Print(SyntaxTree tree, int baseIndent, StringBuilder output)
    {
        var escape = ChooseEscape(tree.Source.Text);
        var printer = new Printer(tree, escape, baseIndent);
        new Walker(printer, tree.Source).WalkStatements(tree.Root.Statements);
        printer.Finish();

        var tabWriter = new TabWriter(
            new Trimmer(output, escape),
            minWidth: 0,
            tabWidth: 8,
            padding: 1,
            padChar: ' ',
            discardEmptyColumns: true,
            tabIndent: true,
            escape);
        tabWriter.Write(printer.Output);
        tabWriter.Flush();
    }

    /// <summary>
    /// Upstream brackets opaque text with the byte 0xFF, which never occurs in UTF-8 text. In UTF-16 the
    /// printer uses a character that does not occur in the source (everything it prints comes from the source
    /// or is ASCII punctuation): normally U+FFFF.
    /// </summary>
    private static char ChooseEscape(string text)
    {
        for (var candidate = '\uFFFF'; candidate >= '\uE000'; candidate--)
        {
            if (!text.Contains(candidate))
            {
                return candidate;
            }
        }

        for (var candidate = '\u0080'; candidate < '\uD800'; candidate++)
        {
            if (!text.Contains(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("The source uses every character usable as a formatter escape.");
    }
}
