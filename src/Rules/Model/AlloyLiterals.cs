using System.Globalization;
using System.Text;

namespace AlloyLint.Rules.Model;

/// <summary>Values of literal tokens, with upstream's rules (Go <c>strconv.Unquote</c> and base-0 integers).</summary>
public static class AlloyLiterals
{
    /// <summary>
    /// The value of a string literal as <see cref="Unquote"/> gives it, without building a string when the value is the
    /// raw text between its quotes (no escapes, no carriage return between backticks); false when it is malformed.
    /// </summary>
    public static bool TryUnquote(string raw, out ReadOnlySpan<char> value)
    {
        if (raw.Length >= 2 && raw[^1] == raw[0] && (raw[0] == '"' ? !raw.AsSpan(1, raw.Length - 2).Contains('\\') : raw[0] == '`' && !raw.Contains('\r')))
        {
            value = raw.AsSpan(1, raw.Length - 2);
            return true;
        }

        var unquoted = Unquote(raw);
        value = unquoted;
        return unquoted is not null;
    }

    /// <summary>The value of a string literal written with quotes or backticks; null when it is malformed.</summary>
    public static string? Unquote(string raw)
    {
        if (raw.Length >= 2 && raw[0] == '`' && raw[^1] == '`')
        {
            return raw[1..^1].Replace("\r", string.Empty, StringComparison.Ordinal);
        }

        if (raw.Length < 2 || raw[0] != '"' || raw[^1] != '"')
        {
            return null;
        }

        var body = raw.AsSpan(1, raw.Length - 2);
        if (!body.Contains('\\'))
        {
            return body.ToString();
        }

        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\')
            {
                builder.Append(body[i]);
                continue;
            }

            if (++i >= body.Length)
            {
                return null;
            }

            var escape = body[i];
            switch (escape)
            {
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'v': builder.Append('\v'); break;
                case '\\': builder.Append('\\'); break;
                case '"': builder.Append('"'); break;
                case >= '0' and <= '7' or 'x' or 'u' or 'U':
                    var (length, radix) = escape switch { 'x' => (2, 16), 'u' => (4, 16), 'U' => (8, 16), _ => (3, 8) };
                    var start = escape is >= '0' and <= '7' ? i : i + 1;
                    if (start + length > body.Length || !TryParseCode(body.Slice(start, length), radix, out var code))
                    {
                        return null;
                    }

                    if (escape is 'x' or (>= '0' and <= '7'))
                    {
                        // A byte escape; for ASCII it is the character itself.
                        builder.Append((char)code);
                    }
                    else if (code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                    {
                        return null;
                    }
                    else
                    {
                        builder.Append(char.ConvertFromUtf32((int)code));
                    }

                    i = start + length - 1;
                    break;
                default:
                    return null;
            }
        }

        return builder.ToString();
    }

    /// <summary>A NUMBER token's value: base 0 as in Go (a leading 0 is octal), falling back to a float.</summary>
    public static double ParseNumber(string raw)
    {
        if (raw.Length > 1 && raw[0] == '0' && raw.All(c => c is >= '0' and <= '7'))
        {
            return raw.Aggregate(0d, (value, digit) => value * 8 + (digit - '0'));
        }

        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var integer) ? integer : ParseFloat(raw);
    }

    public static double ParseFloat(string raw) =>
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    private static bool TryParseCode(ReadOnlySpan<char> digits, int radix, out long code)
    {
        code = 0;
        foreach (var digit in digits)
        {
            var value = char.IsAsciiDigit(digit) ? digit - '0' : char.IsAsciiHexDigit(digit) ? char.ToLowerInvariant(digit) - 'a' + 10 : 99;
            if (value >= radix)
            {
                return false;
            }

            code = code * radix + value;
        }

        return radix != 8 || code <= 255;
    }
}
