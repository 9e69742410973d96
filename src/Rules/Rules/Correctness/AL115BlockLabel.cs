using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Correctness;

/// <summary>
/// A component or labeled config block (declare, argument, export, foreach, import.*) without its label, or a
/// block that takes no label (logging, tracing, http...) given one.
/// </summary>
public sealed class AL115BlockLabel : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL115",
        "block-label",
        RuleCategory.Correctness,
        Severity.Error,
        "A block lacks the label it needs, or has a label it does not take.");

    public override void Check(LintContext context)
    {
        foreach (var block in context.Model.AllBlocks)
        {
            // An unknown component is AL103's; whether it needs a label cannot be known.
            if (block is ComponentInstance component && ModelSchemas.IsUnknownComponent(component))
            {
                continue;
            }

            var schema = ModelSchemas.SchemaOf(block);
            var needsLabel = schema?.Labeled ?? block is ComponentInstance;
            if (needsLabel && block.Label is null)
            {
                var kind = block is ComponentInstance && schema?.IsConfigBlock != true ? "component" : "block";
                context.Report(block, $"{kind} \"{block.Name}\" must have a label: write {block.Name} \"name\" {{ ... }}");
            }
            else if (!needsLabel && block.Label is not null && schema is not null)
            {
                context.Report(block, $"block \"{block.Name}\" takes no label: write {block.Name} {{ ... }}");
            }
        }
    }
}
