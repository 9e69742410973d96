namespace AlloyLint.Rules.Engine;

public enum RuleCategory
{
    Syntax,
    Correctness,
    SelfMonitoring,
    Security,
    Deprecation,
    Style,
    Suppression,
}
