using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;

namespace AlloyLint.Rules.Correctness;

/// <summary>A required argument or block is missing: Alloy refuses to load the configuration.</summary>
public sealed class AL105MissingRequired : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL105",
        "missing-required",
        RuleCategory.Correctness,
        Severity.Error,
        "A component or block lacks a required argument or block.");

    public override void Check(LintContext context)
    {
        foreach (var body in context.Model.CheckedBodies)
        {
            var (requiredAttributes, requiredBlocks) = (body.Schema.RequiredAttributes, body.Schema.RequiredBlocks);
            if (requiredAttributes.Count == 0 && requiredBlocks.Count == 0)
            {
                continue;
            }

            // By index: a foreach over these lists would allocate an enumerator per body.
            var span = body.IsOwnerBody ? body.Owner.HeaderSpan : body.Block.NameSpan;
            for (var i = 0; i < requiredAttributes.Count; i++)
            {
                var attribute = requiredAttributes[i];
                if (!HasAttribute(body, attribute.Name))
                {
                    context.Report(body.Owner.Tree, span, $"missing required argument \"{attribute.Name}\" in {body.Where}");
                }
            }

            for (var i = 0; i < requiredBlocks.Count; i++)
            {
                var nested = requiredBlocks[i];
                if (!HasBlock(body, nested.Name))
                {
                    context.Report(body.Owner.Tree, span, $"missing required block \"{nested.Name}\" in {body.Where}: add {nested.Name} {{ ... }}");
                }
            }
        }
    }

    // By the statements' schemas, whose names are the statements' names: see CheckedStatement.IsKnown.
    private static bool HasAttribute(CheckedBody body, string name)
    {
        foreach (var statement in body.Statements.Span)
        {
            if (statement.Attribute?.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasBlock(CheckedBody body, string name)
    {
        foreach (var statement in body.Statements.Span)
        {
            if (statement.Block?.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}
