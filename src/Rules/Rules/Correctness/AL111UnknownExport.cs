using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Correctness;

/// <summary>A reference reads an export the component does not have (<c>loki.write.default.reciever</c>).</summary>
public sealed class AL111UnknownExport : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL111",
        "unknown-export",
        RuleCategory.Correctness,
        Severity.Error,
        "A reference names an export that the component does not have.");

    public override void Check(LintContext context)
    {
        foreach (var reference in context.Model.References)
        {
            if (reference is not { Kind: ReferenceKind.Component, Component: { } component, Export: { } export })
            {
                continue;
            }

            IReadOnlyList<string>? exports = component.Declaration is { } declaration
                ? ModelSchemas.CustomComponentOf(declaration).Exports
                : ModelSchemas.SchemaOf(component)?.Exports.Select(e => e.Name).ToList();
            if (exports is null || exports.Contains(export))
            {
                continue;
            }

            var message = exports.Count == 0
                ? $"{component.DisplayName} has no exports, so \"{reference.Text}\" cannot be read"
                : $"{component.DisplayName} has no export \"{export}\"{Suggestions.DidYouMean(export, exports)} (exports: {Suggestions.List(exports)})";
            context.Report(reference, message);
        }
    }
}
