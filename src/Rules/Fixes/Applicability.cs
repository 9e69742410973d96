namespace AlloyLint.Rules.Fixes;

/// <summary>Whether a fix may be applied without review (ruff's model).</summary>
public enum Applicability
{
    /// <summary>Keeps the configuration's meaning apart from what the rule asks for; applied by <c>--fix</c>.</summary>
    Safe,

    /// <summary>May change behaviour beyond the finding or needs a human decision; applied only with <c>--unsafe-fixes</c>.</summary>
    Unsafe,
}
