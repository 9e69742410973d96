using System.Text;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Parser.Formatting;

/// <summary>
/// The canonical formatter: the output of <c>alloy fmt</c>, byte for byte, except where upstream damages code
/// (see the README section "Differences from alloy fmt"). Pipeline as upstream: walker → printer → tab writer
/// (Go's text/tabwriter semantics) → trimmer, streamed: each stage passes its output on as soon as it can no
/// longer change, and keeps only what still may (the tab writer, a block of lines whose columns are not closed).
/// </summary>
public static class AlloyFormatter
{
    /// <summary>The canonical text of a file: LF line endings, ending with exactly one "\n", no BOM.</summary>
    /// <exception cref="InvalidOperationException">The tree has syntax errors.</exception>
    public static string Format(SyntaxTree tree) => FormatFile(tree, keepLineEndings: false);

    /// <summary>
    /// <see cref="Format"/> with the file's own line endings: "\r\n" when most of the source's line breaks are
    /// "\r\n" (line breaks already "\r\n", inside raw strings, stay as they are). This is what rewriting a file
    /// in place writes, and what a file must equal to count as formatted.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tree has syntax errors.</exception>
    public static string FormatKeepingLineEndings(SyntaxTree tree) => FormatFile(tree, keepLineEndings: true);

    /// <summary>
    /// The one edit that turns the file into <see cref="FormatKeepingLineEndings"/>'s text: the span from the first
    /// to the last differing character and its canonical replacement; null when the file is already canonical.
    /// The formatted text is compared with the file as it is printed: nothing is kept while they match, and only the
    /// output from the first difference on is kept to build the replacement.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tree has syntax errors.</exception>
    public static CanonicalChange? FindCanonicalChange(SyntaxTree tree)
    {
        EnsureFormattable(tree);
        var comparison = new CanonicalComparison(tree.Source.Text);
        PrintFile(tree, WithFileLineEndings(tree, comparison));
        return comparison.Change();
    }

    private static string FormatFile(SyntaxTree tree, bool keepLineEndings)
    {
        EnsureFormattable(tree);
        var output = new StringBuilder(tree.Source.Length + 64);
        var sink = new StringBuilderSink(output);
        PrintFile(tree, keepLineEndings ? WithFileLineEndings(tree, sink) : sink);
        return output.ToString();
    }

    private static void EnsureFormattable(SyntaxTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (tree.HasErrors)
        {
            throw new InvalidOperationException($"{tree.Source.Path} has syntax errors and cannot be formatted.");
        }
    }

    private static ITextSink WithFileLineEndings(SyntaxTree tree, ITextSink output) =>
        tree.Source.LineEnding == "\n" ? output : new NewlineConverter(output, "\r\n");

    private static void PrintFile(SyntaxTree tree, ITextSink output)
    {
        Print(tree, baseIndent: 0, output);
        output.Write("\n");
    }

    /// <summary>
    /// Prints a snippet of statements canonically for insertion into a file: every line is indented by
    /// <paramref name="indentLevel"/> tabs (except the continuation lines of multi-line raw strings, whose
    /// content must not change), lines are joined with <paramref name="newline"/> (line breaks already "\r\n",
    /// inside raw strings, stay as they are), and there is no trailing newline. Fixes use this so they never
    /// assemble layout by hand.
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
        var sink = new StringBuilderSink(output);
        Print(tree, indentLevel, newline == "\n" ? sink : new NewlineConverter(sink, newline));
        return output.ToString();
    }

    /// <summary>Upstream's Fprint: the formatted text without the final newline, streamed to <paramref name="output"/>.</summary>
    private static void Print(SyntaxTree tree, int baseIndent, ITextSink output)
    {
        var escape = ChooseEscape(tree.Source.Text);

        // The stages' buffers are as large as a snippet needs, up to 8 K characters for a large file (the tab writer's
        // and trimmer's grow if a run of aligned lines is longer): fixes format many snippets, each with its own.
        var capacity = Math.Clamp(tree.Source.Length + tree.Source.Length / 8, 256, 8 * 1024);
        var tabWriter = new TabWriter(
            new Trimmer(output, escape, capacity),
            minWidth: 0,
            padding: 1,
            padChar: ' ',
            discardEmptyColumns: true,
            tabIndent: true,
            escape,
            capacity);
        var printer = new Printer(tree, escape, baseIndent, tabWriter, capacity);
        new Walker(printer, tree.Source).WalkStatements(tree.Root.Statements);
        printer.Finish();
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
