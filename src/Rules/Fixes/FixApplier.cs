using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Fixes;

/// <summary>A fix the applier applied: which rule's, and its title.</summary>
public sealed record AppliedFix(RuleMetadata Rule, string Title, Applicability Applicability);

/// <summary>
/// The result of fixing one file: the tree of its new text (the original's when nothing applied), the fixes applied
/// in order, and the findings that remain in the new text.
/// </summary>
public sealed record FixResult(SourceText Original, SyntaxTree NewTree, IReadOnlyList<AppliedFix> Applied, IReadOnlyList<LintDiagnostic> Remaining)
{
    public bool Changed => !string.Equals(Original.Text, NewText, StringComparison.Ordinal);

    public string NewText => NewTree.Source.Text;

    /// <summary>The new text as a source for the same file (same path and BOM).</summary>
    public SourceText NewSource => NewTree.Source;
}

/// <summary>
/// Applies fixes with ruff's model: take the fixes of the current findings that the applicability allows, apply
/// them in source order skipping any that overlaps one already applied, re-lint and repeat until nothing changes
/// (at most <see cref="MaxPasses"/> passes). A pass whose result does not parse is retried fix by fix, keeping only
/// those that leave the file parsing. Inserted text takes the file's line ending. A file that does not parse to
/// begin with is never fixed.
/// </summary>
/// <param name="linter">The linter whose findings are fixed and which re-lints after each pass.</param>
/// <param name="beforeRelint">
/// Called before each re-lint with the number of characters about to be linted, when the previous pass's trees, model
/// and findings have just become garbage: a process that owns its memory can collect them there. A large file
/// otherwise piles up a generation of them per pass, as they live long enough to reach the oldest generation.
/// </param>
public sealed class FixApplier(Linter linter, Action<long>? beforeRelint = null)
{
    public const int MaxPasses = 10;

    /// <summary>Fixes <paramref name="source"/> among its siblings, which are read from <paramref name="workspace"/>.</summary>
    /// <param name="findings">
    /// The findings of <paramref name="source"/> as it is, when the caller has just linted it with the same linter (findings
    /// in other files are ignored); otherwise it is linted here.
    /// </param>
    public FixResult Apply(SourceText source, IWorkspace workspace, bool includeUnsafe = false, IReadOnlyList<LintDiagnostic>? findings = null)
    {
        var tree = AlloyParser.Parse(source);
        var configuration = linter.FormConfigurations([tree], workspace).Single(formed => formed.IsRequested(tree));
        return Apply(configuration, workspace, includeUnsafe, findings).Single();
    }

    /// <summary>
    /// Fixes the requested files of <paramref name="configuration"/> together: each pass applies the fixes of every
    /// file, then lints the configuration once, with the same siblings (not read, parsed or grouped again). One result
    /// per requested file, in the configuration's order.
    /// </summary>
    /// <param name="findings">
    /// The findings of the configuration as it is, when the caller has just linted it with the same linter (findings in
    /// other files are ignored); otherwise it is linted here.
    /// </param>
    public IReadOnlyList<FixResult> Apply(Configuration configuration, IWorkspace workspace, bool includeUnsafe = false, IReadOnlyList<LintDiagnostic>? findings = null)
    {
        // Only the original texts are kept, not their trees: those can be collected once replaced.
        var originals = configuration.RequestedTrees.Select(file => file.Source).ToArray();
        var current = configuration.RequestedTrees.ToArray();
        var applied = current.Select(_ => new List<AppliedFix>()).ToArray();
        findings ??= linter.Lint([configuration], workspace);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var rewritten = new List<SyntaxTree>();
            var findingsByFile = findings.ToLookup(finding => finding.Source.Path, StringComparer.Ordinal);
            for (var i = 0; i < current.Length; i++)
            {
                if (!current[i].HasErrors && ApplyParsing(current[i].Source, Candidates(findingsByFile[current[i].Source.Path], includeUnsafe)) is ({ } next, var used))
                {
                    applied[i].AddRange(used.Select(finding => new AppliedFix(finding.Rule, finding.Fix!.Title, finding.Fix.Applicability)));
                    current[i] = next;
                    rewritten.Add(next);
                }
            }

            if (rewritten.Count == 0)
            {
                break;
            }

            configuration = configuration.Replacing(rewritten);
            beforeRelint?.Invoke(configuration.Trees.Sum(tree => (long)tree.Source.Length));
            findings = linter.Lint([configuration], workspace);
        }

        return [.. originals.Select((original, i) => new FixResult(original, current[i], applied[i], findings))];
    }

    /// <summary>The fixes the applicability allows among one file's findings, in source order.</summary>
    private static List<LintDiagnostic> Candidates(IEnumerable<LintDiagnostic> findings, bool includeUnsafe) =>
        [.. findings
            .Where(finding => finding.Fix is { } fix
                && (includeUnsafe || fix.Applicability == Applicability.Safe)
                && !fix.Edits.IsEmpty)
            .OrderBy(finding => finding.Fix!.Edits.Min(edit => edit.Span.Start))
            .ThenBy(finding => finding.Fix!.Edits.Max(edit => edit.Span.End))];

    /// <summary>
    /// Applies all candidates at once, or, when that does not parse, one by one keeping those that parse: the tree of
    /// the new text (parsed once, to check it and then to lint it) and the fixes used; no tree when the text stays the same.
    /// </summary>
    private static (SyntaxTree? Tree, List<LintDiagnostic> Used) ApplyParsing(SourceText current, List<LintDiagnostic> candidates)
    {
        var (text, used) = ApplyNonOverlapping(current, candidates);
        if (used.Count == 0 || text == current.Text)
        {
            return (null, used);
        }

        if (ParsedWithoutErrors(current, text) is { } tree)
        {
            return (tree, used);
        }

        var accepted = new List<LintDiagnostic>();
        SyntaxTree? acceptedTree = null;
        foreach (var candidate in candidates)
        {
            var (trial, trialUsed) = ApplyNonOverlapping(current, [.. accepted, candidate]);
            if (trialUsed.Count > accepted.Count && trial != current.Text && ParsedWithoutErrors(current, trial) is { } trialTree)
            {
                (accepted, acceptedTree) = (trialUsed, trialTree);
            }
        }

        return (acceptedTree, accepted);
    }

    private static (string Text, List<LintDiagnostic> Used) ApplyNonOverlapping(SourceText source, List<LintDiagnostic> fixes)
    {
        var text = source.Text;
        var accepted = new List<TextEdit>();
        var used = new List<LintDiagnostic>();
        var lastEnd = -1;
        foreach (var finding in fixes)
        {
            var edits = finding.Fix!.Edits.OrderBy(edit => edit.Span.Start).ThenBy(edit => edit.Span.End).ToList();
            if (edits[0].Span.Start <= lastEnd || HasOverlap(edits) || edits[^1].Span.End > text.Length)
            {
                continue;
            }

            accepted.AddRange(edits.Select(edit => edit.WithLineEnding(source.LineEnding)));
            lastEnd = edits[^1].Span.End;
            used.Add(finding);
        }

        return (TextEdit.ApplyAll(text, accepted), used);
    }

    private static bool HasOverlap(List<TextEdit> sortedEdits)
    {
        for (var i = 1; i < sortedEdits.Count; i++)
        {
            if (sortedEdits[i].Span.Start < sortedEdits[i - 1].Span.End)
            {
                return true;
            }
        }

        return false;
    }

    private static SyntaxTree? ParsedWithoutErrors(SourceText source, string text) =>
        AlloyParser.Parse(source.WithText(text)) is { HasErrors: false } tree ? tree : null;
}
