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
            if (reference is not { Kind: ReferenceKind.Component, Component: { } component, Export: { } export } || HasExport(component, export))
            {
                continue;
            }

            IReadOnlyList<string> exports = component.Declaration is { } declaration
                ? ModelSchemas.CustomComponentOf(declaration).Exports
                : ModelSchemas.SchemaOf(component)!.Exports.Select(e => e.Name).ToList();
            var message = exports.Count == 0
                ? $"{component.DisplayName} has no exports, so \"{reference.Text}\" cannot be read"
                : $"{component.DisplayName} has no export \"{export}\"{Suggestions.DidYouMean(export, exports)} (exports: {Suggestions.List(exports)})";
            context.Report(reference, message);
        }
    }

    /// <summary>Whether <paramref name="component"/> has the export <paramref name="name"/>; true when its exports are unknown.</summary>
    private static bool HasExport(ComponentInstance component, string name) =>
        component.Declaration is { } declaration
            ? ModelSchemas.CustomComponentOf(declaration).Exports.Contains(name)
            : ModelSchemas.SchemaOf(component) is not { } schema || schema.FindExport(name) is not null;
}
