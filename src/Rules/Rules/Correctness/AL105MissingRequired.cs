using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
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
            var span = body.IsOwnerBody ? body.Owner.HeaderSpan : body.Block.NameSpan;
            foreach (var attribute in body.Schema.Attributes)
            {
                if (attribute.Required && !HasAttribute(body.Syntax, attribute.Name))
                {
                    context.Report(body.Owner.Tree, span, $"missing required argument \"{attribute.Name}\" in {body.Where}");
                }
            }

            foreach (var nested in body.Schema.Blocks)
            {
                if (nested.Required && !HasBlock(body.Syntax, nested.Name))
                {
                    context.Report(body.Owner.Tree, span, $"missing required block \"{nested.Name}\" in {body.Where}: add {nested.Name} {{ ... }}");
                }
            }
        }
    }

    private static bool HasAttribute(Body body, string name)
    {
        foreach (var statement in body.Statements)
        {
            if (statement is AttributeStatement attribute && attribute.Name.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasBlock(Body body, string name)
    {
        foreach (var statement in body.Statements)
        {
            if (statement is BlockStatement block && block.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}
