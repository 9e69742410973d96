using AlloyLint.Cli.Commands;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;

namespace AlloyLint.Cli.Configuration;

/// <summary>
/// Combines a configuration file with the command line into the engine's <see cref="LintSettings"/>:
/// <c>--select</c> replaces the file's select, <c>--ignore</c> adds to its ignore, <c>--mode</c> overrides its mode.
/// </summary>
internal static class SettingsBuilder
{
    public static LintSettings Build(ConfigFile config, LintOptions options)
    {
        var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
        var ruleOptions = new Dictionary<string, IReadOnlyDictionary<string, RuleOptionValue>>(StringComparer.Ordinal);
        var ignore = new List<string>(config.Ignore ?? []);
        foreach (var rule in config.Rules)
        {
            if (rule.Off)
            {
                ignore.Add(rule.RuleId);
            }

            if (rule.Severity is { } severity)
            {
                severities[rule.RuleId] = severity;
            }

            if (rule.Options.Count > 0)
            {
                ruleOptions[rule.RuleId] = rule.Options.ToDictionary(option => option.Name, option => OptionValidator.ToValue(option.Node), StringComparer.Ordinal);
            }
        }

        ignore.AddRange(options.Ignore);
        return new LintSettings
        {
            Select = options.Select ?? config.Select ?? [],
            Ignore = ignore,
            SeverityOverrides = severities,
            RuleOptions = ruleOptions,
            Mode = options.Mode ?? ParseMode(config.Mode) ?? ConfigurationMode.Auto,
            IgnoredInFile = config.PerFileIgnores.Count == 0 ? null : config.IgnoredIn,
        };
    }

    public static ConfigurationMode? ParseMode(string? mode) => mode switch
    {
        "auto" => ConfigurationMode.Auto,
        "directory" => ConfigurationMode.Directory,
        "file" => ConfigurationMode.File,
        _ => null,
    };
}
