using AlloyLint.Parser.Diagnostics;

namespace AlloyLint.Rules.Engine;

/// <summary>Whether a rule can offer a fix, and which kind.</summary>
public enum FixAvailability
{
    None,
    Sometimes,
    Always,
}

/// <summary>
/// What a rule is: <see cref="Id"/> (ALnnn) names its class, its page in rules-docs/ and its fixture folder;
/// <see cref="Name"/> is kebab-case.
/// </summary>
public sealed record RuleMetadata(
    string Id,
    string Name,
    RuleCategory Category,
    Severity DefaultSeverity,
    string Summary,
    FixAvailability Fix = FixAvailability.None,
    bool EnabledByDefault = true);
