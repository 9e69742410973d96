using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;

namespace AlloyLint.Rules.Style;

/// <summary>
/// AL402: the file is not in the canonical layout of <c>alloy fmt</c>. Off by default (CI usually runs
/// <c>alloylint fmt --check</c>); the safe fix is the reformat, as one edit covering the changed region.
/// </summary>
public sealed class AL402UnformattedFile : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL402",
        "unformatted-file",
        RuleCategory.Style,
        Severity.Warning,
        "The file is not formatted as `alloy fmt` would format it",
        FixAvailability.Always,
        EnabledByDefault: false)
    {
        ReadsOnlySyntax = true,
    };

    public override void Check(LintContext context)
    {
        foreach (var tree in context.Configuration.RequestedTrees)
        {
            if (tree.HasErrors || AlloyFormatter.FindCanonicalChange(tree) is not { } change)
            {
                continue;
            }

            var line = tree.Source.Lines.GetLine(change.Span.Start);
            var lineSpan = TextSpan.FromBounds(tree.Source.Lines.LineStart(line), tree.Source.Lines.LineEnd(line));
            context.Report(
                tree,
                lineSpan,
                $"file is not formatted canonically (first difference on line {line}); run `alloylint fmt --write`",
                Fix.Safe("Reformat the file", TextEdit.Replace(change.Span, change.Replacement)));
        }
    }
}
