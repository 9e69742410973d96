using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;

namespace AlloyLint.Rules.Deprecation;

/// <summary>
/// AL403: standard library aliases deprecated since v1.4.0 (<c>concat</c>, <c>json_decode</c>, <c>format</c>...)
/// and their current namespaced names, from <see cref="Catalog.StandardLibrary"/>. <c>env</c> is AL401's.
/// </summary>
public sealed class AL403DeprecatedStdlib : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL403",
        "deprecated-stdlib",
        RuleCategory.Deprecation,
        Severity.Warning,
        "A deprecated standard library name; use its namespaced replacement",
        FixAvailability.Sometimes);

    public override void Check(LintContext context)
    {
        var definedNames = DeprecatedStdlibReferences.DefinedNames(context.Trees);
        foreach (var tree in context.Trees)
        {
            foreach (var reference in DeprecatedStdlibReferences.Find(tree, definedNames))
            {
                var name = reference.Identifier.Name;
                if (name == "env")
                {
                    continue;
                }

                var replacement = reference.Replacement;
                var fix = reference.ReplacementResolves
                    ? Fix.Safe($"Replace `{name}` with `{replacement}`", TextEdit.Replace(reference.Identifier.Span, replacement))
                    : null;
                var message = reference.ReplacementResolves
                    ? $"`{name}` is deprecated; use `{replacement}`"
                    : $"`{name}` is deprecated; use `{replacement}` (the configuration defines `{replacement[..replacement.IndexOf('.', StringComparison.Ordinal)]}`, rename it first)";
                context.Report(tree, reference.Identifier.Span, message, fix);
            }
        }
    }
}
