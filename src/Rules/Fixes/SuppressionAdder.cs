using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Fixes;

/// <summary>
/// What adding suppressions did to one file: the tree of its new text (the original's when nothing was added), how many
/// rule IDs were written, and the findings that remain in the new text.
/// </summary>
public sealed record SuppressionResult(SourceText Original, SyntaxTree NewTree, int Added, IReadOnlyList<LintDiagnostic> Remaining)
{
    public bool Changed => Added > 0;

    public string NewText => NewTree.Source.Text;
}

/// <summary>
/// Writes a suppression comment for every current finding (<c>alloylint --add-suppressions</c>, as ruff's
/// <c>--add-noqa</c>), so that a configuration taking up AlloyLint starts clean and only new findings are reported.
/// <list type="bullet">
/// <item>Each line with findings gets <c>// alloylint-disable-next-line IDs</c> above it, at its indentation; when a
/// next-line comment already targets the line, the IDs are added to it.</item>
/// <item>A rule is disabled for the whole file instead (<c>// alloylint-disable-file IDs</c> on the first line, or
/// added to such a comment already there) when a line of its findings starts inside a multi-line string or comment,
/// where a comment line cannot go, or when a finding is still reported once the comments are in: the formatting rule
/// reports the first line that differs, which an inserted line can move.</item>
/// <item>A file that was formatted is formatted again: a comment line splits a group of attributes whose <c>=</c>
/// are aligned.</item>
/// <item>Files with syntax errors are left as they are, and so are findings of the suppression rule (AL901):
/// <c>--fix</c> removes unused suppressions.</item>
/// </list>
/// </summary>
/// <param name="reason">Written after <c>--</c> in each comment added (not in comments already there, which keep theirs).</param>
public sealed class SuppressionAdder(Linter linter, string? reason = null)
{
    private const string NextLineDirective = "// alloylint-disable-next-line ";
    private const string FileDirective = "// alloylint-disable-file ";

    /// <summary>Adds suppressions to the requested files of <paramref name="configuration"/>; one result per requested file, in its order.</summary>
    /// <param name="findings">The configuration's findings as it is, from <paramref name="linter"/>; findings in other files are ignored.</param>
    public IReadOnlyList<SuppressionResult> Apply(Configuration configuration, IWorkspace workspace, IReadOnlyList<LintDiagnostic> findings)
    {
        var originals = configuration.RequestedTrees.ToArray();
        var current = originals.ToArray();
        var added = new int[originals.Length];
        var targets = findings.Where(IsSuppressible).ToLookup(finding => finding.Source.Path, StringComparer.Ordinal);
        var fileWide = originals.Select(_ => new SortedSet<string>(StringComparer.Ordinal)).ToArray();
        var pending = Enumerable.Range(0, originals.Length).Where(i => !originals[i].HasErrors && targets[originals[i].Source.Path].Any()).ToList();
        var remaining = findings;
        var wasFormatted = new bool[originals.Length];
        foreach (var i in pending)
        {
            wasFormatted[i] = AlloyFormatter.FindCanonicalChange(originals[i]) is null;
        }

        // A second round disables for the whole file the rules whose findings the first round's comments did not hold.
        for (var round = 0; round < 2 && pending.Count > 0; round++)
        {
            foreach (var i in pending)
            {
                var (text, count) = Suppress(originals[i], [.. targets[originals[i].Source.Path]], fileWide[i], reason);
                if (AlloyParser.Parse(originals[i].Source.WithText(text)) is { HasErrors: false } tree)
                {
                    (current[i], added[i]) = (wasFormatted[i] ? Formatted(tree) : tree, count);
                }
            }

            configuration = configuration.Replacing(pending.Select(i => current[i]));
            remaining = linter.Lint([configuration], workspace);
            var stillReported = remaining.Where(IsSuppressible).ToLookup(finding => finding.Source.Path, StringComparer.Ordinal);
            pending = [.. pending.Where(i => DisableForFile(fileWide[i], stillReported[current[i].Source.Path], targets[current[i].Source.Path]))];
        }

        return [.. originals.Select((original, i) => new SuppressionResult(original.Source, current[i], added[i], remaining))];
    }

    /// <summary>Adds to <paramref name="fileWide"/> the rules of <paramref name="targeted"/> that are still reported; true when it grew.</summary>
    private static bool DisableForFile(SortedSet<string> fileWide, IEnumerable<LintDiagnostic> stillReported, IEnumerable<LintDiagnostic> targeted)
    {
        var targetedRules = targeted.Select(finding => finding.Rule.Id).ToHashSet(StringComparer.Ordinal);
        var grew = false;
        foreach (var finding in stillReported.Where(finding => targetedRules.Contains(finding.Rule.Id)))
        {
            grew |= fileWide.Add(finding.Rule.Id);
        }

        return grew;
    }

    /// <summary>
    /// The tree formatted, when it is not: a comment line between attributes splits the group whose <c>=</c> are aligned,
    /// and a file that was formatted stays so.
    /// </summary>
    private static SyntaxTree Formatted(SyntaxTree tree) =>
        AlloyFormatter.FindCanonicalChange(tree) is null ? tree : AlloyParser.Parse(tree.Source.WithText(AlloyFormatter.FormatKeepingLineEndings(tree)));

    /// <summary>Whether a suppression comment is written for <paramref name="finding"/>: not for syntax errors, nor for unused suppressions.</summary>
    public static bool IsSuppressible(LintDiagnostic finding) => finding.Rule.Category is not (RuleCategory.Syntax or RuleCategory.Suppression);

    /// <summary>
    /// The edit that suppresses one finding as <see cref="Apply"/> would in its first round (an editor's "suppress"
    /// action), and whether it disables the rule for the whole file because the line cannot take a comment.
    /// </summary>
    public static (TextEdit Edit, bool WholeFile) EditFor(SyntaxTree tree, LintDiagnostic finding)
    {
        var fileWide = new SortedSet<string>(StringComparer.Ordinal);
        var (edits, _) = Edits(tree, [finding], fileWide, reason: null);
        return (edits.Single(), fileWide.Count > 0);
    }

    /// <summary>The text of <paramref name="tree"/> with its findings suppressed (see <see cref="Edits"/>), and how many IDs that wrote.</summary>
    private static (string Text, int Added) Suppress(SyntaxTree tree, List<LintDiagnostic> findings, SortedSet<string> fileWide, string? reason)
    {
        var (edits, added) = Edits(tree, findings, fileWide, reason);
        return (TextEdit.ApplyAll(tree.Source.Text, edits), added);
    }

    /// <summary>
    /// The edits, in order, that suppress <paramref name="findings"/> in <paramref name="tree"/>, and how many IDs they
    /// write. Rules in <paramref name="fileWide"/> are disabled for the file; rules found on a line that cannot take a
    /// comment are added to it.
    /// </summary>
    private static (List<TextEdit> Edits, int Added) Edits(SyntaxTree tree, IReadOnlyList<LintDiagnostic> findings, SortedSet<string> fileWide, string? reason)
    {
        var source = tree.Source;
        var ending = (reason is null ? string.Empty : " -- " + reason) + source.LineEnding;
        var directives = SuppressionDirective.Parse(tree);
        var nextLine = directives.Where(directive => directive.Kind == SuppressionKind.NextLine).ToLookup(directive => directive.TargetLine);
        var multiLine = MultiLineSpans(tree);
        var byLine = findings
            .GroupBy(finding => source.Lines.GetLine(finding.Span.Start))
            .Select(line => (Line: line.Key, Start: source.Lines.LineStart(line.Key), Ids: line.Select(finding => finding.Rule.Id).Distinct().Order(StringComparer.Ordinal).ToList()))
            .OrderBy(line => line.Line)
            .ToList();

        // A rule found on a line that cannot take a comment above it is disabled for the file, and so needs no comment elsewhere.
        foreach (var line in byLine.Where(line => !nextLine[line.Line].Any() && IsInside(multiLine, line.Start)))
        {
            fileWide.UnionWith(line.Ids);
        }

        var edits = new List<TextEdit>();
        var added = 0;
        foreach (var (line, start, allIds) in byLine)
        {
            var ids = allIds.Where(id => !fileWide.Contains(id)).ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            edits.Add(nextLine[line].FirstOrDefault() is { } existing
                ? AddCodes(existing, ids)
                : TextEdit.Insert(start, SourceEdits.LineIndentation(source, start) + NextLineDirective + string.Join(", ", ids) + ending));
            added += ids.Count;
        }

        if (fileWide.Count > 0)
        {
            // First, so that it goes before a next-line comment inserted at the start of the file.
            edits.Insert(0, directives.FirstOrDefault(directive => directive.Kind == SuppressionKind.File) is { } existing
                ? AddCodes(existing, fileWide)
                : TextEdit.Insert(0, FileDirective + string.Join(", ", fileWide) + ending));
            added += fileWide.Count;
        }

        return ([.. edits.OrderBy(edit => edit.Span.Start)], added);
    }

    /// <summary>Adds <paramref name="ids"/> after the last code of <paramref name="directive"/> (before its reason).</summary>
    private static TextEdit AddCodes(SuppressionDirective directive, IEnumerable<string> ids) =>
        TextEdit.Insert(directive.CodesSpan.End, (directive.Codes.IsEmpty ? " " : ", ") + string.Join(", ", ids));

    /// <summary>The spans of the comments and strings that cover a line break, in source order.</summary>
    private static List<TextSpan> MultiLineSpans(SyntaxTree tree)
    {
        var text = tree.Source.Text;
        bool SpansLines(TextSpan span) => text.AsSpan(span.Start, span.Length).Contains('\n');
        return
        [
            .. tree.Comments.Select(comment => comment.Span)
                .Concat(tree.Root.Descendants().OfType<LiteralExpression>().Where(literal => literal.Kind == LiteralKind.String).Select(literal => literal.Span))
                .Where(SpansLines)
                .OrderBy(span => span.Start),
        ];
    }

    /// <summary>Whether <paramref name="offset"/> lies strictly inside one of <paramref name="spans"/> (sorted, not overlapping).</summary>
    private static bool IsInside(List<TextSpan> spans, int offset)
    {
        var (low, high) = (0, spans.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (spans[middle].Start < offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low > 0 && offset < spans[low - 1].End;
    }
}
