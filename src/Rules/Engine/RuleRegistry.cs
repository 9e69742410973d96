using AlloyLint.Rules.Suppression;
using AlloyLint.Rules.Syntax;

namespace AlloyLint.Rules.Engine;

/// <summary>Every rule, listed by hand (no reflection scanning, so Native AOT keeps working). Add one line per rule, in ID order.</summary>
public static class RuleRegistry
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new AL001SyntaxError(),
        new AL901UnusedSuppression(),
    ];

    /// <summary>The rule with this ID ("AL203", any case) or name ("self-scrape-interval"), or null.</summary>
    public static Rule? Find(string idOrName) => Find(idOrName, All);

    public static Rule? Find(string idOrName, IReadOnlyList<Rule> rules) =>
        rules.FirstOrDefault(rule => rule.Metadata.Id.Equals(idOrName, StringComparison.OrdinalIgnoreCase)
            || rule.Metadata.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase));
}
