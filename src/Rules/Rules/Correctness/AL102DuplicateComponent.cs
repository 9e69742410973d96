using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;

namespace AlloyLint.Rules.Correctness;

/// <summary>Two labeled blocks with the same name and label in one scope: Alloy refuses to load the configuration.</summary>
public sealed class AL102DuplicateComponent : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL102",
        "duplicate-component",
        RuleCategory.Correctness,
        Severity.Error,
        "A component (or declare, import, argument, export, foreach block) is declared twice with the same label in one scope.");

    public override void Check(LintContext context)
    {
        var groups = context.Model.AllBlocks
            .Where(block => block.Label is not null)
            .GroupBy(block => (block.Scope, block.Id));
        foreach (var group in groups)
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                var at = first.Tree.Source.GetPosition(first.HeaderSpan.Start);
                context.Report(duplicate, $"{duplicate.DisplayName} is already declared at {first.Tree.Source.Path}:{at}; labels must be unique per block name");
            }
        }
    }
}
