using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;

namespace AlloyLint.Rules.Deprecation;

/// <summary>AL401: the standard library function <c>env</c> is deprecated in favour of <c>sys.env</c>.</summary>
public sealed class AL401DeprecatedEnv : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL401",
        "deprecated-env",
        RuleCategory.Deprecation,
        Severity.Warning,
        "`env(...)` is deprecated; use `sys.env(...)`",
        FixAvailability.Sometimes);

    public override void Check(LintContext context) => DeprecatedStdlibReferences.Report(context, name => name == "env");
}
