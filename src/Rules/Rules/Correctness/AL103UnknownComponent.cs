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
        foreach (var block in context.Model.AllBlocks)
        {
            if (block is not ComponentInstance component || !ModelSchemas.IsUnknownComponent(component))
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
                message += Family(catalog, component.Name);
            }

            context.Report(component, message);
        }
    }

    /// <summary>
    /// The built-in components of the same family (<c>prometheus.</c> for <c>prometheus.scrap</c>), or that there is
    /// none. Apart from <see cref="Check"/>, whose loop would otherwise allocate this lookup's closure for every component.
    /// </summary>
    private static string Family(ComponentCatalog catalog, string name)
    {
        var dot = name.LastIndexOf('.');
        var family = dot > 0 ? catalog.ComponentNames.Where(candidate => candidate.StartsWith(name[..(dot + 1)], StringComparison.Ordinal)).ToList() : [];
        return family.Count > 0
            ? $"; components in {name[..dot]}: {Suggestions.List(family)}"
            : "; it is not a built-in component, and no declare or import in scope defines it";
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
