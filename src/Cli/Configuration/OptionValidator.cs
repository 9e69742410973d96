using AlloyLint.Rules.Engine;

namespace AlloyLint.Cli.Configuration;

/// <summary>Checks a rule option of the configuration against the options the rule declares.</summary>
internal static class OptionValidator
{
    public static void Validate(string path, RuleMetadata rule, YamlScalar name, YamlNode value) =>
        throw ConfigLoader.Error(path, name, $"unknown option '{name.Value}' for {rule.Id}: expected severity");
}
