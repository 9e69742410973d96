using AlloyLint.Rules.Engine;

namespace AlloyLint.Cli.Reporting;

internal static class RuleCategories
{
    /// <summary>The kebab-case name of a category, as reports and tags show it.</summary>
    public static string Name(RuleCategory category) => category switch
    {
        RuleCategory.Syntax => "syntax",
        RuleCategory.Correctness => "correctness",
        RuleCategory.SelfMonitoring => "self-monitoring",
        RuleCategory.Security => "security",
        RuleCategory.Deprecation => "deprecation",
        RuleCategory.Style => "style",
        RuleCategory.Suppression => "suppression",
        _ => category.ToString().ToLowerInvariant(),
    };
}
