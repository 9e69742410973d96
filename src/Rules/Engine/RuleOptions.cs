using System.Collections.Immutable;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Engine;

/// <summary>
/// The options of one rule for one run: the values from <see cref="LintSettings"/> over the defaults declared in
/// <see cref="RuleMetadata.Options"/>. Asking for an option the rule does not declare, or with the wrong type,
/// is a programming error and throws.
/// </summary>
public sealed class RuleOptions
{
    private readonly RuleMetadata _rule;
    private readonly IReadOnlyDictionary<string, RuleOptionValue> _given;

    public RuleOptions(RuleMetadata rule, IReadOnlyDictionary<string, RuleOptionValue>? given)
    {
        _rule = rule;
        _given = given ?? ImmutableDictionary<string, RuleOptionValue>.Empty;
    }

    public string GetString(string name) => Scalar(name, RuleOptionType.String);

    public double GetNumber(string name)
    {
        var text = Scalar(name, RuleOptionType.Number);
        return RuleOption.TryParseNumber(text, out var value) ? value : throw Invalid(name, text);
    }

    public bool GetBoolean(string name)
    {
        var text = Scalar(name, RuleOptionType.Boolean);
        return bool.TryParse(text, out var value) ? value : throw Invalid(name, text);
    }

    public GoDuration GetDuration(string name)
    {
        var text = Scalar(name, RuleOptionType.Duration);
        return GoDuration.TryParse(text, out var value) ? value : throw Invalid(name, text);
    }

    public ImmutableArray<string> GetStringList(string name) => Value(name, RuleOptionType.StringList).Items;

    private string Scalar(string name, RuleOptionType type) => Value(name, type).Scalar ?? throw Invalid(name, "a list");

    private RuleOptionValue Value(string name, RuleOptionType type)
    {
        var option = _rule.Options.FirstOrDefault(o => o.Name == name)
            ?? throw new InvalidOperationException($"{_rule.Id} does not declare option '{name}'");
        if (option.Type != type)
        {
            throw new InvalidOperationException($"{_rule.Id} option '{name}' is a {option.TypeName}, not {type}");
        }

        return _given.TryGetValue(name, out var value) && option.Validate(value) is null ? value : option.Default;
    }

    private InvalidOperationException Invalid(string name, string text) =>
        new($"{_rule.Id} option '{name}' has an invalid default '{text}'");
}
