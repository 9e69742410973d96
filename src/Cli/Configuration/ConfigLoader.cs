using AlloyLint.Cli.Discovery;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;

namespace AlloyLint.Cli.Configuration;

/// <summary>
/// Reads and validates <c>.alloylint.yaml</c> (docs/configuration.md): unknown keys, unknown rules, bad
/// severities, modes, globs and rule options are errors at their line and column. A file that extends another is
/// merged over it (<see cref="ConfigFile.Over"/>).
/// </summary>
internal sealed class ConfigLoader(IReadOnlyList<RuleMetadata> rules)
{
    public static readonly string[] Modes = ["auto", "directory", "file"];
    private static readonly string[] TopLevelKeys = ["extend", "select", "ignore", "exclude", "per-file-ignores", "mode", "rules"];
    private static readonly string[] Severities = ["error", "warning", "note", "off"];

    /// <summary>Loads the file at <paramref name="fullPath"/>, shown as <paramref name="path"/>; throws <see cref="ConfigurationException"/> on any problem.</summary>
    public ConfigFile Load(string fullPath, string path) => Load(fullPath, path, []);

    /// <summary>Parses <paramref name="text"/>, the file shown as <paramref name="path"/>, whose globs are rooted at its folder.</summary>
    public ConfigFile Parse(string text, string path) => Parse(text, path, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? "/", []);

    /// <param name="extending">The full paths of the files being loaded that extend this one, to catch a cycle.</param>
    private ConfigFile Load(string fullPath, string path, IReadOnlyList<string> extending)
    {
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(path, 1, 1, $"cannot read configuration: {FileDiscovery.Describe(error)}");
        }

        return Parse(text, path, System.IO.Path.GetDirectoryName(fullPath) ?? "/", [.. extending, fullPath]);
    }

    /// <param name="loading">The full paths of this file, when read from one, and of the files being loaded that extend it.</param>
    private ConfigFile Parse(string text, string path, string directory, IReadOnlyList<string> loading)
    {
        var root = YamlDocument.Parse(text, path);
        if (root is null)
        {
            return ConfigFile.Empty(directory) with { Path = path };
        }

        if (root is not YamlMapping mapping)
        {
            throw Error(path, root, "the configuration must be a mapping of keys such as select, ignore, rules");
        }

        IReadOnlyList<string>? select = null;
        List<string>? ignore = null;
        ConfigFile? extended = null;
        var ruleConfigs = new List<RuleConfig>();
        var exclude = new List<string>();
        var perFileIgnores = new List<PerFileIgnore>();
        string? mode = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            if (!seen.Add(key.Value))
            {
                throw Error(path, key, $"duplicate key '{key.Value}'");
            }

            switch (key.Value)
            {
                case "extend":
                    extended = Extended(path, directory, Scalar(path, value, "extend"), loading);
                    break;
                case "select":
                    select = RuleSelectors(path, value);
                    break;
                case "ignore":
                    ignore = RuleSelectors(path, value);
                    break;
                case "exclude":
                    foreach (var item in Strings(path, value))
                    {
                        _ = GlobPattern.TryCreate(item.Value.TrimStart('!').TrimEnd('/')) ?? throw Error(path, item, $"invalid glob '{item.Value}'");
                        exclude.Add(item.Value);
                    }

                    break;
                case "per-file-ignores":
                    perFileIgnores.AddRange(PerFileIgnores(path, directory, value));
                    break;
                case "mode":
                    var modeScalar = Scalar(path, value, "mode");
                    mode = Modes.Contains(modeScalar.Value, StringComparer.Ordinal)
                        ? modeScalar.Value
                        : throw Error(path, modeScalar, $"invalid mode '{modeScalar.Value}': expected one of {string.Join(", ", Modes)}");
                    break;
                case "rules":
                    ruleConfigs.AddRange(RuleSettings(path, value));
                    break;
                default:
                    throw Error(path, key, $"unknown key '{key.Value}': expected one of {string.Join(", ", TopLevelKeys)}");
            }
        }

        IReadOnlyList<RootedGlobs> excluded = exclude.Count == 0 ? [] : [new RootedGlobs(directory, GitIgnore.Parse(string.Join('\n', exclude)))];
        var config = new ConfigFile(path, directory, select, ignore, ruleConfigs, excluded, mode, perFileIgnores);
        return extended is null ? config : config.Over(extended);
    }

    /// <summary>The file that <paramref name="extend"/> names, relative to <paramref name="directory"/>, loaded with what it extends.</summary>
    private ConfigFile Extended(string path, string directory, YamlScalar extend, IReadOnlyList<string> loading)
    {
        var fullPath = System.IO.Path.GetFullPath(extend.Value, directory);
        if (loading.Contains(fullPath, StringComparer.Ordinal))
        {
            throw Error(path, extend, $"'{extend.Value}' cannot be extended here: it extends this file, directly or through other files");
        }

        if (!File.Exists(fullPath))
        {
            throw Error(path, extend, $"'{extend.Value}' does not exist");
        }

        var shown = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path) ?? string.Empty, extend.Value).Replace('\\', '/');
        return Load(fullPath, shown, loading);
    }

    /// <summary>Whether <paramref name="selector"/> is a rule ID, a rule name, an ID prefix such as AL2, or ALL.</summary>
    public bool IsKnownSelector(string selector) =>
        selector == "ALL"
        || rules.Any(rule => rule.Id.StartsWith(selector, StringComparison.Ordinal) || rule.Name == selector);

    /// <summary>The rule named by an ID or a name, or null.</summary>
    public RuleMetadata? FindRule(string idOrName) =>
        rules.FirstOrDefault(rule => rule.Id == idOrName || rule.Name == idOrName);

    private List<string> RuleSelectors(string path, YamlNode node)
    {
        var selectors = new List<string>();
        foreach (var item in Strings(path, node))
        {
            if (!IsKnownSelector(item.Value))
            {
                throw Error(path, item, $"unknown rule or prefix '{item.Value}'");
            }

            selectors.Add(FindRule(item.Value)?.Id ?? item.Value);
        }

        return selectors;
    }

    private IEnumerable<PerFileIgnore> PerFileIgnores(string path, string directory, YamlNode node)
    {
        if (node is not YamlMapping mapping)
        {
            throw Error(path, node, "'per-file-ignores' must be a mapping from a glob to the rules not reported in the files it matches");
        }

        foreach (var (glob, selectors) in mapping.Entries)
        {
            if (glob.Value.StartsWith('!') || GlobPattern.TryCreate(glob.Value.TrimEnd('/')) is null)
            {
                throw Error(path, glob, $"invalid glob '{glob.Value}'{(glob.Value.StartsWith('!') ? ": a glob here cannot be negated" : string.Empty)}");
            }

            yield return new PerFileIgnore(new RootedGlobs(directory, GitIgnore.Parse(glob.Value)), RuleSelectors(path, selectors));
        }
    }

    private IEnumerable<RuleConfig> RuleSettings(string path, YamlNode node)
    {
        if (node is not YamlMapping mapping)
        {
            throw Error(path, node, "'rules' must be a mapping from rule ID or name to its settings");
        }

        foreach (var (key, value) in mapping.Entries)
        {
            var rule = FindRule(key.Value) ?? throw Error(path, key, $"unknown rule '{key.Value}'");
            if (value is YamlScalar shorthand)
            {
                var (severity, off) = ParseSeverity(path, shorthand);
                yield return new RuleConfig(rule.Id, severity, off, []);
                continue;
            }

            if (value is not YamlMapping settings)
            {
                throw Error(path, value, $"settings of {rule.Id} must be a severity or a mapping");
            }

            Severity? ruleSeverity = null;
            var ruleOff = false;
            var options = new List<ConfigOptionValue>();
            foreach (var (settingKey, settingValue) in settings.Entries)
            {
                if (settingKey.Value == "severity")
                {
                    (ruleSeverity, ruleOff) = ParseSeverity(path, Scalar(path, settingValue, "severity"));
                }
                else
                {
                    OptionValidator.Validate(path, rule, settingKey, settingValue);
                    options.Add(new ConfigOptionValue(settingKey.Value, settingValue));
                }
            }

            yield return new RuleConfig(rule.Id, ruleSeverity, ruleOff, options);
        }
    }

    private static (Severity? Severity, bool Off) ParseSeverity(string path, YamlScalar scalar) => scalar.Value switch
    {
        "error" => (Severity.Error, false),
        "warning" => (Severity.Warning, false),
        "note" => (Severity.Note, false),
        "off" => (null, true),
        _ => throw Error(path, scalar, $"invalid severity '{scalar.Value}': expected one of {string.Join(", ", Severities)}"),
    };

    private static IEnumerable<YamlScalar> Strings(string path, YamlNode node) => node switch
    {
        YamlScalar scalar => [scalar],
        YamlSequence sequence => sequence.Items.Select(item => item as YamlScalar ?? throw Error(path, item, "expected a string")),
        _ => throw Error(path, node, "expected a string or a list of strings"),
    };

    private static YamlScalar Scalar(string path, YamlNode node, string what) =>
        node as YamlScalar ?? throw Error(path, node, $"'{what}' must be a single value");

    internal static ConfigurationException Error(string path, YamlNode node, string message) => new(path, node.Line, node.Column, message);
}
