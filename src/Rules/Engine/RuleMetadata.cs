using System.Collections.Immutable;
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
/// <see cref="Name"/> is kebab-case. <see cref="Options"/> lists the options it reads, with their defaults.
/// </summary>
public sealed record RuleMetadata(
    string Id,
    string Name,
    RuleCategory Category,
    Severity DefaultSeverity,
    string Summary,
    FixAvailability Fix = FixAvailability.None,
    bool EnabledByDefault = true)
{
    public ImmutableArray<RuleOption> Options { get; init; } = [];

    /// <summary>
    /// True for a rule that reads only the syntax trees, never the semantic model. When rules run in parallel these go
    /// first, so they keep a core busy while the first rule that needs the model builds it and the others wait.
    /// </summary>
    public bool ReadsOnlySyntax { get; init; }

    /// <summary>The rule's page, relative to the repository root.</summary>
    public string DocsPath => $"rules-docs/{Id}.md";

    public RuleOption? FindOption(string name) => Options.FirstOrDefault(option => option.Name == name);
}
