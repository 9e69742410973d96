namespace AlloyLint.Rules.Engine;

/// <summary>What a rule sees while it checks one configuration, and where it reports.</summary>
public sealed class LintContext
{
}
