using System.Collections.Immutable;
using System.Globalization;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Engine;

/// <summary>The type of a rule option, which decides how its text is read and checked.</summary>
public enum RuleOptionType
{
    String,
    Number,
    Boolean,

    /// <summary>A Go duration such as "60s" or "1m" (<see cref="GoDuration"/>).</summary>
    Duration,
    StringList,
}

/// <summary>
/// A value given for a rule option, as a configuration file holds it: one scalar written as text
/// (<c>"60s"</c>, <c>0.1</c>, <c>true</c>) or a list of strings.
/// </summary>
public sealed record RuleOptionValue
{
    private RuleOptionValue(string? scalar, ImmutableArray<string> items)
    {
        Scalar = scalar;
        Items = items;
    }

    /// <summary>The text of a scalar value; null for a list.</summary>
    public string? Scalar { get; }

    /// <summary>The items of a list value; empty for a scalar.</summary>
    public ImmutableArray<string> Items { get; }

    public bool IsList => Scalar is null;

    public static RuleOptionValue Of(string scalar) => new(scalar, []);

    public static RuleOptionValue Of(bool value) => new(value ? "true" : "false", []);

    public static RuleOptionValue Of(double value) => new(value.ToString("R", CultureInfo.InvariantCulture), []);

    public static RuleOptionValue List(IEnumerable<string> items) => new(null, [.. items]);

    public override string ToString() => IsList ? "[" + string.Join(", ", Items) + "]" : Scalar!;
}

/// <summary>
/// One option of a rule: its name (snake_case, as written in the configuration file), type, default and a
/// one-line description for docs and <c>alloylint explain</c>.
/// </summary>
public sealed record RuleOption(string Name, RuleOptionType Type, RuleOptionValue Default, string Description)
{
    public static RuleOption String(string name, string defaultValue, string description) =>
        new(name, RuleOptionType.String, RuleOptionValue.Of(defaultValue), description);

    public static RuleOption Duration(string name, string defaultValue, string description) =>
        new(name, RuleOptionType.Duration, RuleOptionValue.Of(defaultValue), description);

    public static RuleOption Number(string name, double defaultValue, string description) =>
        new(name, RuleOptionType.Number, RuleOptionValue.Of(defaultValue), description);

    public static RuleOption Boolean(string name, bool defaultValue, string description) =>
        new(name, RuleOptionType.Boolean, RuleOptionValue.Of(defaultValue), description);

    public static RuleOption StringList(string name, IEnumerable<string> defaultValue, string description) =>
        new(name, RuleOptionType.StringList, RuleOptionValue.List(defaultValue), description);

    /// <summary>Null when <paramref name="value"/> suits this option, else a message saying why not.</summary>
    public string? Validate(RuleOptionValue value)
    {
        if (Type == RuleOptionType.StringList)
        {
            return value.IsList ? null : $"option '{Name}' expects a list of strings";
        }

        if (value.IsList)
        {
            return $"option '{Name}' expects a single {TypeName}, not a list";
        }

        var text = value.Scalar!;
        var valid = Type switch
        {
            RuleOptionType.Number => TryParseNumber(text, out _),
            RuleOptionType.Boolean => bool.TryParse(text, out _),
            RuleOptionType.Duration => GoDuration.TryParse(text, out _),
            _ => true,
        };
        return valid ? null : $"option '{Name}' expects a {TypeName}, got '{text}'";
    }

    /// <summary>How the type is named in messages and docs.</summary>
    public string TypeName => Type switch
    {
        RuleOptionType.Number => "number",
        RuleOptionType.Boolean => "boolean",
        RuleOptionType.Duration => "duration (Go syntax, e.g. \"60s\")",
        RuleOptionType.StringList => "list of strings",
        _ => "string",
    };

    internal static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
