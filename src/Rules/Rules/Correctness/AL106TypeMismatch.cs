using System.Text.RegularExpressions;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Correctness;

/// <summary>
/// A literal value that cannot be converted to the argument's declared type: a string where a list is expected,
/// a bool for a string, a malformed duration or byte size, a value outside the accepted set. Only literals,
/// lists and objects are judged; references and calls are known only at run time. Alloy converts numbers and
/// strings into each other, so those are accepted where they convert.
/// </summary>
public sealed partial class AL106TypeMismatch : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL106",
        "type-mismatch",
        RuleCategory.Correctness,
        Severity.Error,
        "A literal value does not match the declared type of its argument.");

    public override void Check(LintContext context)
    {
        foreach (var body in context.Model.CheckedBodies)
        {
            // Nearly every attribute has a schema and its value is read: the body's syntax is read once, when the first is met.
            var statements = body.Statements;
            var syntax = ReadOnlySpan<Statement>.Empty;
            for (var i = 0; i < statements.Length; i++)
            {
                if (statements[i].Attribute is not { } schema)
                {
                    continue;
                }

                if (syntax.IsEmpty)
                {
                    syntax = body.Syntax.Statements.AsSpan();
                }

                if (syntax[i] is AttributeStatement attribute
                    && Mismatch(attribute.Value, schema.Type, schema, new ValuePath(attribute.Name.Name)) is { } found)
                {
                    context.Report(body.Owner.Tree, found.At, $"{found.Message} (in {body.Where})");
                }
            }
        }
    }

    private readonly record struct Finding(Expression At, string Message);

    /// <summary>Where a value sits, as messages name it: an argument, or an element (<c>[2]</c>) or field (<c>.key</c>) of a parent written out only when a message needs it.</summary>
    private readonly record struct ValuePath(string Parent, string? Key = null, int Index = -1)
    {
        public override string ToString() => Key is not null ? $"{Parent}.{Key}" : Index >= 0 ? $"{Parent}[{Index}]" : Parent;
    }

    private static Finding? Mismatch(Expression value, AlloyType type, AttributeSchema? schema, ValuePath path)
    {
        while (value is ParenExpression paren)
        {
            value = paren.Inner;
        }

        var actual = ValueKind(value);
        if (actual is null or "null" || type.Kind == AlloyTypeKind.Any)
        {
            return null;
        }

        switch (type.Kind)
        {
            case AlloyTypeKind.Capsule:
                return new(value, $"wrong type for {path}: expected {type.Text}, which only a reference to another component's export provides, got {actual}");
            case AlloyTypeKind.List:
                if (value is not ArrayExpression array)
                {
                    return Wrong(value, type, path, actual);
                }

                for (var i = 0; i < array.Elements.Length; i++)
                {
                    if (Mismatch(array.Elements[i], type.Element!, null, new ValuePath(path.ToString(), Index: i)) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case AlloyTypeKind.Map:
                if (value is not ObjectExpression map)
                {
                    return Wrong(value, type, path, actual);
                }

                foreach (var field in map.Fields)
                {
                    if (Mismatch(field.Value, type.Element!, null, new ValuePath(path.ToString(), Key: field.Key)) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case AlloyTypeKind.Object:
                return value is ObjectExpression ? null : Wrong(value, type, path, actual);
            case AlloyTypeKind.Bool:
                return actual == "bool" ? null : Wrong(value, type, path, actual);
            case AlloyTypeKind.Number:
                if (actual == "number")
                {
                    return null;
                }

                return actual == "string" && StringValue(value) is { } numeric && !double.TryParse(numeric, System.Globalization.CultureInfo.InvariantCulture, out _)
                    ? new(value, $"wrong type for {path}: expected number, got the string \"{numeric}\" which is not a number")
                    : actual == "string" ? null : Wrong(value, type, path, actual);
            case AlloyTypeKind.Duration:
                if (actual is not ("string" or "number"))
                {
                    return Wrong(value, type, path, actual);
                }

                // A number as written, a string's value without building a string for it (nearly all are valid). A value
                // an operator computes (a negated number, a concatenation) is not checked.
                if (value is not LiteralExpression literal)
                {
                    return null;
                }

                ReadOnlySpan<char> duration = literal.RawText;
                if (actual == "string" && !AlloyLiterals.TryUnquote(literal.RawText, out duration))
                {
                    return null;
                }

                return GoDuration.TryParse(duration, out _)
                    ? null
                    : new(value, $"invalid duration \"{duration}\" for {path}: write a number with a unit, such as \"30s\", \"1m30s\" or \"500ms\"");
            default:
                // string, secret and optional_secret accept strings and numbers.
                if (actual is not ("string" or "number"))
                {
                    return Wrong(value, type, path, actual);
                }

                return actual == "string" ? CheckText(value, schema, path) : null;
        }
    }

    // Not a local function of Mismatch: its captures would be copied into a closure on every call, mismatch or not.
    private static Finding Wrong(Expression value, AlloyType type, ValuePath path, string actual) =>
        new(value, $"wrong type for {path}: expected {type.Text}, got {actual}");

    private static Finding? CheckText(Expression value, AttributeSchema? schema, ValuePath path)
    {
        // Most text arguments accept any text: only those with listed values or a format need the string's value.
        if (schema is not ({ AllowedValues: not null } or { Format: "bytes" }) || StringValue(value) is not { } text)
        {
            return null;
        }

        // An empty string leaves the default in place for the text types the catalog lists values for.
        if (schema?.AllowedValues is { } allowed && text.Length > 0 && !allowed.Contains(text))
        {
            return new(value, $"invalid value \"{text}\" for {path}: valid values are {string.Join(", ", allowed.Select(v => $"\"{v}\""))}");
        }

        if (schema?.Format == "bytes" && !ByteSize().IsMatch(text))
        {
            return new(value, $"invalid byte size \"{text}\" for {path}: write a number with a unit, such as \"512KiB\", \"10MiB\" or \"1GB\"");
        }

        return null;
    }

    /// <summary>The Alloy type name of a literal, list or object; null for anything evaluated at run time.</summary>
    private static string? ValueKind(Expression value) => value switch
    {
        LiteralExpression { Kind: LiteralKind.String } => "string",
        LiteralExpression { Kind: LiteralKind.Number or LiteralKind.Float } => "number",
        LiteralExpression { Kind: LiteralKind.Bool } => "bool",
        LiteralExpression { Kind: LiteralKind.Null } => "null",
        UnaryExpression { Operator: UnaryOperator.Negate, Operand: LiteralExpression { Kind: LiteralKind.Number or LiteralKind.Float } } => "number",
        ArrayExpression => "list",
        ObjectExpression => "object",
        _ => null,
    };

    private static string? StringValue(Expression value) =>
        value is LiteralExpression { Kind: LiteralKind.String } literal ? AlloyLiterals.Unquote(literal.RawText) : null;

    /// <summary>alecthomas/units byte sizes as Alloy parses them: numbers each with a unit (B, KB, KiB... EiB), e.g. "4MiB786KiB".</summary>
    [GeneratedRegex(@"^(\d+(\.\d+)?([KMGTPE]i?B|B))+$")]
    private static partial Regex ByteSize();
}
