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
        var firstById = new Dictionary<(Scope Scope, string Id), ModelBlock>();
        foreach (var duplicate in context.Model.AllBlocks)
        {
            if (duplicate.Label is null || firstById.TryAdd((duplicate.Scope, duplicate.Id), duplicate))
            {
                continue;
            }

            var first = firstById[(duplicate.Scope, duplicate.Id)];
            var at = first.Tree.Source.GetPosition(first.HeaderSpan.Start);
            context.Report(duplicate, $"{duplicate.DisplayName} is already declared at {first.Tree.Source.Path}:{at}; labels must be unique per block name");
        }
    }
}
