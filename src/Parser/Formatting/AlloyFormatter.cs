using System.Collections.Concurrent;
using System.Collections.Immutable;
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
    public static CanonicalChange? FindCanonicalChange(SyntaxTree tree) => FindCanonicalChange(tree, PartLength);

    /// <summary>
    /// From about this many characters on, <see cref="FindCanonicalChange(SyntaxTree)"/> checks a file in parts
    /// printed on every core: in a large lint it is the longest rule, and the others finish while it runs.
    /// </summary>
    internal const int PartLength = 512 * 1024;

    /// <summary>
    /// <see cref="FindCanonicalChange(SyntaxTree)"/> with parts of about <paramref name="partLength"/> characters.
    /// A part starts at a top-level block after the first with no comment before it (back to the previous statement):
    /// there, the canonical text between the two statements is one blank line, and nothing printed before the block
    /// changes how it is printed, so each part is printed and compared on its own.
    /// </summary>
    internal static CanonicalChange? FindCanonicalChange(SyntaxTree tree, int partLength)
    {
        EnsureFormattable(tree);
        var statements = tree.Root.Statements;
        var firstStatements = PartStarts(tree, partLength);
        var escape = ChooseEscape(tree.Source);
        var parts = new CanonicalComparison[firstStatements.Count];
        void Check(int part)
        {
            var first = firstStatements[part];
            var last = part + 1 < parts.Length ? firstStatements[part + 1] : statements.Length;
            var start = part == 0 ? 0 : statements[first].Span.Start;
            var end = last < statements.Length ? statements[last - 1].Span.End : tree.Source.Length;
            parts[part] = new CanonicalComparison(tree.Source, start, end);
            var output = WithFileLineEndings(tree, parts[part]);
            Print(tree, statements.AsSpan()[first..last], CommentsIn(tree, start, end), escape, baseIndent: 0, output);
            if (last == statements.Length)
            {
                output.Write("\n");
            }
        }

        if (parts.Length == 1)
        {
            Check(0);
        }
        else
        {
            // One part at a time to whichever thread asks: the other cores are busy with other rules at first and
            // join as they finish, which Parallel.For's ranges, claimed in growing chunks, would leave them no part of.
            Parallel.ForEach(Partitioner.Create(Enumerable.Range(0, parts.Length), EnumerablePartitionerOptions.NoBuffering), Check);
        }

        var gap = tree.Source.LineEnding + tree.Source.LineEnding;
        return CanonicalComparison.Change(tree.Source, parts, gap);
    }

    /// <summary>The index of each part's first top-level statement (see <see cref="FindCanonicalChange(SyntaxTree, int)"/>).</summary>
    private static List<int> PartStarts(SyntaxTree tree, int partLength)
    {
        var statements = tree.Root.Statements;
        var starts = new List<int> { 0 };
        var next = 1;
        var target = (long)partLength;
        while (target + partLength / 2 < tree.Source.Length)
        {
            while (next < statements.Length && (statements[next].Span.Start < target || !StartsPart(tree, next)))
            {
                next++;
            }

            if (next >= statements.Length)
            {
                break;
            }

            starts.Add(next);
            target = (long)statements[next].Span.Start + partLength;
            next++;
        }

        return starts;
    }

    private static bool StartsPart(SyntaxTree tree, int index) =>
        tree.Root.Statements[index] is BlockStatement
        && tree.FirstCommentStartingIn(tree.Root.Statements[index - 1].Span.End, tree.Root.Statements[index].Span.Start) is null;

    private static ImmutableArray<Comment> CommentsIn(SyntaxTree tree, int start, int end)
    {
        var comments = tree.Comments;
        if (start == 0 && end == tree.Source.Length)
        {
            return comments;
        }

        var first = FirstCommentFrom(comments, start);
        return comments[first..FirstCommentFrom(comments, end)];
    }

    private static int FirstCommentFrom(ImmutableArray<Comment> comments, int offset)
    {
        var (low, high) = (0, comments.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = comments[middle].Span.Start < offset ? (middle + 1, high) : (low, middle);
        }

        return low;
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
    private static void Print(SyntaxTree tree, int baseIndent, ITextSink output) =>
        Print(tree, tree.Root.Statements.AsSpan(), tree.Comments, ChooseEscape(tree.Source), baseIndent, output);

    /// <summary><paramref name="statements"/> of <paramref name="tree"/> and their <paramref name="comments"/>, as <see cref="Print(SyntaxTree, int, ITextSink)"/> prints a file.</summary>
    private static void Print(SyntaxTree tree, ReadOnlySpan<Statement> statements, ImmutableArray<Comment> comments, char escape, int baseIndent, ITextSink output)
    {
        // The stages' buffers are as large as a snippet needs, up to 8 K characters for a large file (the tab writer's
        // and trimmer's grow if a run of aligned lines is longer). They are rented from the shared pool and given back
        // once printed, so that the parts of a large file printed one after another, or a fix's snippets, reuse a few.
        var capacity = Math.Clamp(tree.Source.Length + tree.Source.Length / 8, 256, 8 * 1024);
        var trimmer = new Trimmer(output, escape, capacity);
        var tabWriter = new TabWriter(
            trimmer,
            minWidth: 0,
            padding: 1,
            padChar: ' ',
            discardEmptyColumns: true,
            tabIndent: true,
            escape,
            capacity);
        var printer = new Printer(tree, comments, escape, baseIndent, tabWriter, capacity);
        new Walker(printer, tree.Source).WalkStatements(statements);
        printer.Finish();
        tabWriter.Flush();
        printer.ReturnBuffer();
        tabWriter.ReturnBuffers();
        trimmer.ReturnBuffers();
    }

    /// <summary>
    /// Upstream brackets opaque text with the byte 0xFF, which never occurs in UTF-8 text. In UTF-16 the
    /// printer uses a character that does not occur in the source (everything it prints comes from the source
    /// or is ASCII punctuation): normally U+FFFF.
    /// </summary>
    private static char ChooseEscape(SourceText text)
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
