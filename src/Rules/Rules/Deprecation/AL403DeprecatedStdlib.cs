using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;

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

    public override void Check(LintContext context) => DeprecatedStdlibReferences.Report(context, name => name != "env");
}
