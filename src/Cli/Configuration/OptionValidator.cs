using AlloyLint.Rules.Engine;

namespace AlloyLint.Cli.Configuration;

/// <summary>Checks a rule option of the configuration against the options the rule declares, at its position.</summary>
internal static class OptionValidator
{
    public static void Validate(string path, RuleMetadata rule, YamlScalar name, YamlNode value)
    {
        if (rule.FindOption(name.Value) is not { } option)
        {
            var expected = string.Join(", ", rule.Options.Select(known => known.Name).Prepend("severity"));
            throw ConfigLoader.Error(path, name, $"unknown option '{name.Value}' for {rule.Id}: expected {expected}");
        }

        if (value is YamlMapping)
        {
            throw ConfigLoader.Error(path, value, $"option '{name.Value}' of {rule.Id} expects a {option.TypeName}");
        }

        if (value is YamlSequence sequence && sequence.Items.FirstOrDefault(item => item is not YamlScalar) is { } nested)
        {
            throw ConfigLoader.Error(path, nested, $"option '{name.Value}' of {rule.Id} expects a list of strings");
        }

        if (option.Validate(ToValue(value)) is { } problem)
        {
            throw ConfigLoader.Error(path, value, $"{rule.Id}: {problem}");
        }
    }

    public static RuleOptionValue ToValue(YamlNode node) => node switch
    {
        YamlSequence sequence => RuleOptionValue.List(sequence.Items.OfType<YamlScalar>().Select(item => item.Value)),
        YamlScalar scalar => RuleOptionValue.Of(scalar.Value),
        _ => RuleOptionValue.List([]),
    };
}
