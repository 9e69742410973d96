using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

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
        // Per scope that may hold duplicates, the first block with each ID (compared without building ID strings).
        var firstById = new Dictionary<Scope, HashSet<ModelBlock>>();
        foreach (var duplicate in context.Model.AllBlocks)
        {
            if (duplicate.Label is null || !duplicate.Scope.MayHoldDuplicateIds)
            {
                continue;
            }

            var scope = duplicate.Scope;
            if (!firstById.TryGetValue(scope, out var blocks))
            {
                firstById[scope] = blocks = new(scope.Components.Count + scope.ConfigBlocks.Count, BlockIdComparer<ModelBlock>.Instance);
            }

            if (blocks.Add(duplicate))
            {
                continue;
            }

            blocks.TryGetValue(duplicate, out var first);
            context.Report(duplicate, $"{duplicate.DisplayName} is already declared at {first!.HeaderLocation}; labels must be unique per block name");
        }
    }
}
