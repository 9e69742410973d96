using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Correctness;

/// <summary>A block name that is no component: not built in, not declared with <c>declare</c>, not from an imported module.</summary>
public sealed class AL103UnknownComponent : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL103",
        "unknown-component",
        RuleCategory.Correctness,
        Severity.Error,
        "A block names a component that does not exist.");

    public override void Check(LintContext context)
    {
        var catalog = ComponentCatalog.Default;
        foreach (var component in context.Model.AllBlocks.OfType<ComponentInstance>())
        {
            if (!ModelSchemas.IsUnknownComponent(component))
            {
                continue;
            }

            var declared = VisibleDeclareNames(component.Scope);
            var candidates = catalog.ComponentNames.Concat(catalog.ConfigBlockNames).Concat(declared);
            var message = $"unknown component \"{component.Name}\"";
            if (Suggestions.Closest(component.Name, candidates) is { } match)
            {
                message += $"; did you mean \"{match}\"?";
            }
            else
            {
                var dot = component.Name.LastIndexOf('.');
                var family = dot > 0 ? catalog.ComponentNames.Where(name => name.StartsWith(component.Name[..(dot + 1)], StringComparison.Ordinal)).ToList() : [];
                message += family.Count > 0
                    ? $"; components in {component.Name[..dot]}: {Suggestions.List(family)}"
                    : "; it is not a built-in component, and no declare or import in scope defines it";
            }

            context.Report(component, message);
        }
    }

    private static IEnumerable<string> VisibleDeclareNames(Scope? scope)
    {
        for (; scope is not null; scope = scope.Parent)
        {
            foreach (var declare in scope.ConfigBlocksNamed("declare"))
            {
                if (declare.Label is { } label)
                {
                    yield return label;
                }
            }
        }
    }
}
