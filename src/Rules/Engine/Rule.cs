namespace AlloyLint.Rules.Engine;

/// <summary>One check. A rule is one class: its metadata and its <see cref="Check"/>, reporting through the context.</summary>
public abstract class Rule
{
    public abstract RuleMetadata Metadata { get; }

    public abstract void Check(LintContext context);
}
