using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;

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

    public override void Check(LintContext context)
    {
        var definedNames = DeprecatedStdlibReferences.DefinedNames(context.Trees);
        foreach (var tree in context.Trees)
        {
            foreach (var reference in DeprecatedStdlibReferences.Find(tree, definedNames))
            {
                if (reference.Identifier.Name != "env")
                {
                    continue;
                }

                var fix = reference.ReplacementResolves
                    ? Fix.Safe("Replace `env` with `sys.env`", TextEdit.Replace(reference.Identifier.Span, reference.Replacement))
                    : null;
                var message = reference.ReplacementResolves
                    ? "`env` is deprecated; use `sys.env`"
                    : "`env` is deprecated; use `sys.env` (the configuration defines `sys`, rename it first)";
                context.Report(tree, reference.Identifier.Span, message, fix);
            }
        }
    }
}
