using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Correctness;

/// <summary>
/// A component, config block or standard library function below the configured stability level: Alloy only
/// runs it with <c>--stability.level</c> lowered (or, for community components, with
/// <c>--feature.community-components.enabled</c>).
/// </summary>
public sealed class AL113Stability : Rule
{
    private static readonly string[] Levels = ["experimental", "public-preview", "generally-available"];

    public override RuleMetadata Metadata { get; } = new(
        "AL113",
        "stability",
        RuleCategory.Correctness,
        Severity.Warning,
        "A component or function is below the stability level Alloy runs with.")
    {
        Options =
        [
            RuleOption.String("level", "generally-available", "The lowest stability level allowed, as Alloy's --stability.level: generally-available, public-preview or experimental."),
        ],
    };

    public override void Check(LintContext context)
    {
        var minimum = Parse(context.Options.GetString("level"));
        foreach (var block in context.Model.AllBlocks)
        {
            if (ModelSchemas.SchemaOf(block) is not { } schema)
            {
                continue;
            }

            var kind = schema.IsConfigBlock ? "block" : "component";
            if (schema.Community)
            {
                context.Report(block, $"{block.Name} is a community component: Alloy runs it only with --feature.community-components.enabled");
            }
            else if (schema.Stability < minimum)
            {
                context.Report(block, $"{kind} {block.Name} is at stability level \"{Name(schema.Stability)}\", below the allowed minimum \"{Name(minimum)}\": Alloy runs it only with --stability.level={Name(schema.Stability)}");
            }
        }

        foreach (var reference in context.Model.References)
        {
            if (reference is { Kind: ReferenceKind.Stdlib, IsCallee: true } && StandardLibrary.Find(reference.Text) is { } function && function.Stability < minimum)
            {
                context.Report(reference, $"function {function.Name} is at stability level \"{Name(function.Stability)}\", below the allowed minimum \"{Name(minimum)}\": Alloy runs it only with --stability.level={Name(function.Stability)}");
            }
        }
    }

    private static Stability Parse(string level) => level switch
    {
        "experimental" => Stability.Experimental,
        "public-preview" => Stability.PublicPreview,
        _ => Stability.GenerallyAvailable,
    };

    private static string Name(Stability stability) => Levels[(int)stability];
}
