using AlloyLint.Parser.Diagnostics;
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
        foreach (var block in context.Model.AllBlocks)
        {
            foreach (var body in ModelSchemas.CheckedBodies(block))
            {
                var span = body.Path.Length == 0 ? block.HeaderSpan : body.Block.NameSpan;
                foreach (var attribute in body.Schema.Attributes)
                {
                    if (attribute.Required && !body.Syntax.Attributes.Any(written => written.Name.Name == attribute.Name))
                    {
                        context.Report(block.Tree, span, $"missing required argument \"{attribute.Name}\" in {body.Where}");
                    }
                }

                foreach (var nested in body.Schema.Blocks)
                {
                    if (nested.Required && !body.Syntax.Blocks.Any(written => written.Name == nested.Name))
                    {
                        context.Report(block.Tree, span, $"missing required block \"{nested.Name}\" in {body.Where}: add {nested.Name} {{ ... }}");
                    }
                }
            }
        }
    }
}
