using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Text;
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
            foreach (var attribute in body.Schema.RequiredAttributes)
            {
                if (!HasAttribute(body, attribute.Name))
                {
                    context.Report(body.Owner.Tree, At(body), $"missing required argument \"{attribute.Name}\" in {body.Where}");
                }
            }

            foreach (var nested in body.Schema.RequiredBlocks)
            {
                if (!HasBlock(body, nested.Name))
                {
                    context.Report(body.Owner.Tree, At(body), $"missing required block \"{nested.Name}\" in {body.Where}: add {nested.Name} {{ ... }}");
                }
            }
        }
    }

    /// <summary>Where a finding about the body points; worked out only for a finding, as it reads the body's syntax.</summary>
    private static TextSpan At(CheckedBody body) => body.IsOwnerBody ? body.Owner.HeaderSpan : body.Block.NameSpan;

    // By the statements' schemas, whose names are the statements' names: see CheckedStatement.IsKnown.
    private static bool HasAttribute(CheckedBody body, string name)
    {
        foreach (var statement in body.Statements)
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
        foreach (var statement in body.Statements)
        {
            if (statement.Block?.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}
