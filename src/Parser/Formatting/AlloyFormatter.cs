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
    public static string Format(SyntaxTree tree) => FormatFile(tree, keepLineEndings: false).ToString();

    /// <summary>
    /// <see cref="Format"/> with the file's own line endings: "\r\n" when most of the source's line breaks are
    /// "\r\n" (line breaks already "\r\n", inside raw strings, stay as they are). This is what rewriting a file
    /// in place writes, and what a file must equal to count as formatted.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tree has syntax errors.</exception>
    public static string FormatKeepingLineEndings(SyntaxTree tree) => FormatFile(tree, keepLineEndings: true).ToString();

    /// <summary>
    /// The one edit that turns the file into <see cref="FormatKeepingLineEndings"/>'s text: the span from the first
    /// to the last differing character and its canonical replacement; null when the file is already canonical.
    /// Cheaper than comparing the whole formatted text: only the replacement becomes a string.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tree has syntax errors.</exception>
    public static CanonicalChange? FindCanonicalChange(SyntaxTree tree)
    {
        var formatted = FormatFile(tree, keepLineEndings: true);
        var text = tree.Source.Text.AsSpan();
        var prefix = 0;
        foreach (var chunk in formatted.GetChunks())
        {
            var common = chunk.Span.CommonPrefixLength(text[prefix..]);
            prefix += common;
            if (common < chunk.Length)
            {
                break;
            }
        }

        if (prefix == text.Length && prefix == formatted.Length)
        {
            return null;
        }

        // Common suffix, not overlapping the prefix in either text.
        var suffix = 0;
        var limit = Math.Min(text.Length, formatted.Length) - prefix;
        while (suffix < limit && text[^(suffix + 1)] == formatted[formatted.Length - suffix - 1])
        {
            suffix++;
        }

        return new CanonicalChange(
            TextSpan.FromBounds(prefix, text.Length - suffix),
            formatted.ToString(prefix, formatted.Length - suffix - prefix));
    }

    private static StringBuilder FormatFile(SyntaxTree tree, bool keepLineEndings)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (tree.HasErrors)
        {
            throw new InvalidOperationException($"{tree.Source.Path} has syntax errors and cannot be formatted.");
        }

        var output = new StringBuilder(tree.Source.Length + 64);
        Print(tree, baseIndent: 0, output);
        output.Append('\n');
        return keepLineEndings && tree.Source.LineEnding != "\n" ? WithCrLf(output) : output;
    }

    /// <summary>Every "\n" not already preceded by "\r" becomes "\r\n".</summary>
    private static StringBuilder WithCrLf(StringBuilder formatted)
    {
        var builder = new StringBuilder(formatted.Length + formatted.Length / 16);
        var previous = '\0';
        foreach (var chunk in formatted.GetChunks())
        {
            foreach (var ch in chunk.Span)
            {
                if (ch == '\n' && previous != '\r')
                {
                    builder.Append('\r');
                }

                builder.Append(ch);
                previous = ch;
            }
        }

        return builder;
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
