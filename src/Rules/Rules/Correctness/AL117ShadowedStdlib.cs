using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Correctness;

/// <summary>A reference whose first name is a standard library name (<c>sys</c>, <c>string</c>...) but that resolves to a component.</summary>
public sealed class AL117ShadowedStdlib : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL117",
        "shadowed-stdlib",
        RuleCategory.Correctness,
        Severity.Warning,
        "A component is named like a standard library namespace or function and hides it.");

    public override void Check(LintContext context)
    {
        foreach (var reference in context.Model.References)
        {
            if (reference is { Kind: ReferenceKind.Component, Component: { } component } && SemanticModel.StdlibRoots.Contains(reference.Names[0]))
            {
                context.Report(reference, $"{reference.Text} refers to {component.DisplayName}, which shadows the standard library name \"{reference.Names[0]}\"; rename the component");
            }
        }
    }
}
