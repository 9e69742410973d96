namespace AlloyLint.Rules.Catalog;

public enum AlloyTypeKind
{
    String,
    Number,
    Bool,

    /// <summary>A string parsed as a Go duration (<c>"1m30s"</c>).</summary>
    Duration,

    /// <summary><c>alloytypes.Secret</c>: a string or a secret, redacted.</summary>
    Secret,

    /// <summary><c>alloytypes.OptionalSecret</c>: a string or a secret, keeping the input's secrecy.</summary>
    OptionalSecret,
    Any,
    Object,
    Function,
    List,
    Map,

    /// <summary>An opaque Go value that only a reference to another component's export can supply.</summary>
    Capsule,
}

/// <summary>
/// A declared argument or export type from the catalog's type grammar:
/// <c>string | number | bool | duration | secret | optional_secret | any | object | function | list(T) | map(T) | capsule(GoType)</c>.
/// </summary>
public sealed class AlloyType
{
    private AlloyType(AlloyTypeKind kind, AlloyType? element, string? capsuleName, string text)
    {
        Kind = kind;
        Element = element;
        CapsuleName = capsuleName;
        Text = text;
    }

    public AlloyTypeKind Kind { get; }

    /// <summary>The element type of a list or map.</summary>
    public AlloyType? Element { get; }

    /// <summary>The Go type of a capsule, e.g. <c>storage.Appendable</c>.</summary>
    public string? CapsuleName { get; }

    /// <summary>The type as the catalog writes it, e.g. <c>list(capsule(otelcol.Consumer))</c>.</summary>
    public string Text { get; }

    /// <summary>True for secrets and for lists or maps whose elements are (eventually) secrets.</summary>
    public bool ContainsSecret => Kind is AlloyTypeKind.Secret or AlloyTypeKind.OptionalSecret || Element?.ContainsSecret == true;

    public override string ToString() => Text;

    /// <summary>Parses the catalog's type grammar; throws <see cref="FormatException"/> on anything else.</summary>
    public static AlloyType Parse(string text)
    {
        var position = 0;
        var type = ParseAt(text, ref position);
        if (position != text.Length)
        {
            throw new FormatException($"unexpected text after type in '{text}'");
        }

        return type;
    }

    private static AlloyType ParseAt(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] is not '(' and not ')')
        {
            position++;
        }

        var head = text[start..position];
        if (position < text.Length && text[position] == '(')
        {
            position++;
            AlloyType result;
            if (head == "capsule")
            {
                var close = text.IndexOf(')', position);
                if (close < 0)
                {
                    throw new FormatException($"unclosed capsule in '{text}'");
                }

                var name = text[position..close];
                position = close;
                result = new AlloyType(AlloyTypeKind.Capsule, null, name, $"capsule({name})");
            }
            else
            {
                var element = ParseAt(text, ref position);
                result = head switch
                {
                    "list" => new AlloyType(AlloyTypeKind.List, element, null, $"list({element.Text})"),
                    "map" => new AlloyType(AlloyTypeKind.Map, element, null, $"map({element.Text})"),
                    _ => throw new FormatException($"unknown type constructor '{head}' in '{text}'"),
                };
            }

            if (position >= text.Length || text[position] != ')')
            {
                throw new FormatException($"missing ')' in '{text}'");
            }

            position++;
            return result;
        }

        return head switch
        {
            "string" => String,
            "number" => Number,
            "bool" => Bool,
            "duration" => Duration,
            "secret" => Secret,
            "optional_secret" => OptionalSecret,
            "any" => Any,
            "object" => Object,
            "function" => Function,
            _ => throw new FormatException($"unknown type '{head}' in '{text}'"),
        };
    }

    public static AlloyType String { get; } = new(AlloyTypeKind.String, null, null, "string");

    public static AlloyType Number { get; } = new(AlloyTypeKind.Number, null, null, "number");

    public static AlloyType Bool { get; } = new(AlloyTypeKind.Bool, null, null, "bool");

    public static AlloyType Duration { get; } = new(AlloyTypeKind.Duration, null, null, "duration");

    public static AlloyType Secret { get; } = new(AlloyTypeKind.Secret, null, null, "secret");

    public static AlloyType OptionalSecret { get; } = new(AlloyTypeKind.OptionalSecret, null, null, "optional_secret");

    public static AlloyType Any { get; } = new(AlloyTypeKind.Any, null, null, "any");

    public static AlloyType Object { get; } = new(AlloyTypeKind.Object, null, null, "object");

    public static AlloyType Function { get; } = new(AlloyTypeKind.Function, null, null, "function");
}
