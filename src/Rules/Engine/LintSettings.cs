using AlloyLint.Parser.Diagnostics;

namespace AlloyLint.Rules.Engine;

/// <summary>How sibling <c>*.alloy</c> files are grouped into configurations (Alloy loads a file or a whole directory).</summary>
public enum ConfigurationMode
{
    /// <summary>Siblings that reference each other's components, directly or through a chain, form one configuration; every other file is its own.</summary>
    Auto,

    /// <summary>All <c>*.alloy</c> files directly inside a directory form one configuration, as <c>alloy run DIR</c> loads them.</summary>
    Directory,

    /// <summary>Every file is its own configuration; siblings are never read.</summary>
    File,
}

/// <summary>
/// Which rules run and how. Selectors are rule IDs ("AL203"), ID prefixes ("AL2"), rule names
/// ("self-scrape-interval") or "ALL". A rule runs when the most specific selector matching it comes from
/// <see cref="Select"/> rather than <see cref="Ignore"/> (ignore wins a tie); when no selector matches, it runs
/// if <see cref="Select"/> is empty and the rule is enabled by default (ruff's model). Syntax errors (AL001) are
/// reported unless a selector in <see cref="Ignore"/> names them: a file that does not parse is never silently clean.
/// </summary>
public sealed class LintSettings
{
    public IReadOnlyList<string> Select { get; init; } = [];

    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>Severity per rule, keyed by ID or name.</summary>
    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; init; } = new Dictionary<string, Severity>();

    /// <summary>Options per rule (keyed by ID or name), then by option name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, RuleOptionValue>> RuleOptions { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, RuleOptionValue>>();

    public ConfigurationMode Mode { get; init; } = ConfigurationMode.Auto;

    /// <summary>
    /// Selectors of the rules whose findings are dropped in a file, by its path (a configuration file's
    /// <c>per-file-ignores</c>); null when there are none. Suppression comments are applied first, so one that covers
    /// such a finding still counts as used.
    /// </summary>
    public Func<string, IReadOnlyList<string>>? IgnoredInFile { get; init; }

    public static LintSettings Default { get; } = new();

    public bool IsEnabled(RuleMetadata rule)
    {
        var selected = Specificity(Select, rule);
        var ignored = Specificity(Ignore, rule);
        if (selected < 0 && ignored < 0)
        {
            return rule.Category == RuleCategory.Syntax || (Select.Count == 0 && rule.EnabledByDefault);
        }

        return selected > ignored;
    }

    /// <summary>Whether <paramref name="rule"/> is among <paramref name="ignoredInFile"/>, the selectors <see cref="IgnoredInFile"/> gives for a file.</summary>
    public static bool IsIgnored(IReadOnlyList<string> ignoredInFile, RuleMetadata rule) => Specificity(ignoredInFile, rule) >= 0;

    public Severity SeverityOf(RuleMetadata rule) =>
        SeverityOverrides.TryGetValue(rule.Id, out var byId) ? byId
        : SeverityOverrides.TryGetValue(rule.Name, out var byName) ? byName
        : rule.DefaultSeverity;

    public RuleOptions OptionsOf(RuleMetadata rule) =>
        new(rule, RuleOptions.TryGetValue(rule.Id, out var byId) ? byId : RuleOptions.GetValueOrDefault(rule.Name));

    /// <summary>
    /// Messages for every selector, severity override and option that names no known rule or option, or gives an
    /// option a value of the wrong type. Empty when the settings are valid.
    /// </summary>
    public IReadOnlyList<string> Validate(IReadOnlyList<Rule> rules)
    {
        var errors = new List<string>();
        foreach (var selector in Select.Concat(Ignore))
        {
            if (!rules.Any(rule => Matches(selector, rule.Metadata) >= 0))
            {
                errors.Add($"unknown rule selector '{selector}'");
            }
        }

        foreach (var key in SeverityOverrides.Keys)
        {
            if (RuleRegistry.Find(key, rules) is null)
            {
                errors.Add($"severity given for unknown rule '{key}'");
            }
        }

        foreach (var (key, options) in RuleOptions)
        {
            if (RuleRegistry.Find(key, rules) is not { } rule)
            {
                errors.Add($"options given for unknown rule '{key}'");
                continue;
            }

            foreach (var (name, value) in options)
            {
                if (rule.Metadata.FindOption(name) is not { } option)
                {
                    var known = rule.Metadata.Options.IsEmpty ? "it has no options" : "expected one of " + string.Join(", ", rule.Metadata.Options.Select(o => o.Name));
                    errors.Add($"{rule.Metadata.Id} has no option '{name}'; {known}");
                }
                else if (option.Validate(value) is { } error)
                {
                    errors.Add($"{rule.Metadata.Id}: {error}");
                }
            }
        }

        return errors;
    }

    private static int Specificity(IReadOnlyList<string> selectors, RuleMetadata rule)
    {
        var best = -1;
        foreach (var selector in selectors)
        {
            best = Math.Max(best, Matches(selector, rule));
        }

        return best;
    }

    /// <summary>How specifically <paramref name="selector"/> names the rule (its length), or -1 when it does not.</summary>
    private static int Matches(string selector, RuleMetadata rule)
    {
        if (selector.Equals("ALL", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (selector.Equals(rule.Name, StringComparison.OrdinalIgnoreCase))
        {
            return rule.Id.Length;
        }

        return rule.Id.StartsWith(selector, StringComparison.OrdinalIgnoreCase) && selector.Length >= 2 ? selector.Length : -1;
    }
}
