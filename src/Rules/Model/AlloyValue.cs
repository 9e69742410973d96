using System.Collections.Immutable;
using System.Globalization;

namespace AlloyLint.Rules.Model;

/// <summary>A constant Alloy value, as <see cref="ConstantEvaluator"/> computes it. Arrays and objects compare by content.</summary>
public abstract record AlloyValue
{
    /// <summary>The Alloy type name used in messages: null, number, string, bool, array, object.</summary>
    public abstract string TypeName { get; }
}

public sealed record AlloyNull : AlloyValue
{
    public static readonly AlloyNull Instance = new();

    public override string TypeName => "null";

    public override string ToString() => "null";
}

public sealed record AlloyBool(bool Value) : AlloyValue
{
    public override string TypeName => "bool";

    public override string ToString() => Value ? "true" : "false";
}

public sealed record AlloyNumber(double Value) : AlloyValue
{
    public override string TypeName => "number";

    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}

public sealed record AlloyString(string Value) : AlloyValue
{
    public override string TypeName => "string";

    /// <summary>The value as a Go duration, or null when it is not one.</summary>
    public GoDuration? AsDuration() => GoDuration.TryParse(Value, out var duration) ? duration : null;

    public override string ToString() => Value;
}

public sealed record AlloyArray(ImmutableArray<AlloyValue> Items) : AlloyValue
{
    public override string TypeName => "array";

    public bool Equals(AlloyArray? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Length;
}

/// <summary>An object; <see cref="Fields"/> keep source order, and a repeated key keeps its last value as Alloy does.</summary>
public sealed record AlloyObject(ImmutableArray<KeyValuePair<string, AlloyValue>> Fields) : AlloyValue
{
    public override string TypeName => "object";

    public AlloyValue? this[string key] => Fields.LastOrDefault(field => field.Key == key).Value;

    public bool Equals(AlloyObject? other) =>
        other is not null
        && Fields.Select(f => f.Key).Distinct().Count() == other.Fields.Select(f => f.Key).Distinct().Count()
        && Fields.All(field => Equals(this[field.Key], other[field.Key]));

    public override int GetHashCode() => Fields.Length;
}
