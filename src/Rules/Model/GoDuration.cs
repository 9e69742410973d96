using System.Globalization;
using System.Text;

namespace AlloyLint.Rules.Model;

/// <summary>
/// A duration as Alloy reads it: Go's <c>time.ParseDuration</c> syntax ("60s", "1m", "1h30m", "1.5s", "300ms"),
/// kept in nanoseconds so that "1m" equals "60s" and "60000ms".
/// </summary>
public readonly record struct GoDuration(long Nanoseconds) : IComparable<GoDuration>
{
    private const long Microsecond = 1_000;
    private const long Millisecond = 1_000_000;
    private const long Second = 1_000_000_000;
    private const long Minute = 60 * Second;
    private const long Hour = 60 * Minute;

    public static GoDuration FromSeconds(long seconds) => new(seconds * Second);

    public static GoDuration Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"invalid duration \"{text}\"");

    /// <summary>Go's rules: an optional sign, then one or more decimal numbers each with a unit (ns, us, µs, ms, s, m, h); "0" alone is allowed.</summary>
    public static bool TryParse(string text, out GoDuration duration) => TryParse(text.AsSpan(), out duration);

    /// <inheritdoc cref="TryParse(string, out GoDuration)"/>
    public static bool TryParse(ReadOnlySpan<char> text, out GoDuration duration)
    {
        duration = default;
        var s = text;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s is "0")
        {
            return true;
        }

        if (s.IsEmpty)
        {
            return false;
        }

        decimal total = 0;
        while (!s.IsEmpty)
        {
            var numberLength = 0;
            var digits = 0;
            var seenDot = false;
            while (numberLength < s.Length && (char.IsAsciiDigit(s[numberLength]) || (s[numberLength] == '.' && !seenDot)))
            {
                if (s[numberLength] == '.')
                {
                    seenDot = true;
                }
                else
                {
                    digits++;
                }

                numberLength++;
            }

            if (digits == 0)
            {
                return false;
            }

            // Whole numbers of up to 18 digits (nearly all) are read digit by digit: parsing a decimal costs ten times as much.
            decimal number;
            if (!seenDot && digits <= 18)
            {
                var whole = 0L;
                foreach (var digit in s[..numberLength])
                {
                    whole = (whole * 10) + (digit - '0');
                }

                number = whole;
            }
            else if (!decimal.TryParse(s[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
            {
                return false;
            }

            s = s[numberLength..];
            var unitLength = 0;
            while (unitLength < s.Length && s[unitLength] != '.' && !char.IsAsciiDigit(s[unitLength]))
            {
                unitLength++;
            }

            long? unit = s[..unitLength] switch
            {
                "ns" => 1,
                "us" or "\u00b5s" or "\u03bcs" => Microsecond,
                "ms" => Millisecond,
                "s" => Second,
                "m" => Minute,
                "h" => Hour,
                _ => null,
            };
            if (unit is null)
            {
                return false;
            }

            s = s[unitLength..];
            if (number > long.MaxValue / (decimal)unit.Value)
            {
                // Past what 64 bits of nanoseconds hold, as Go reports; checked first, as the product may not fit a decimal.
                return false;
            }

            total += decimal.Truncate(number * unit.Value);
            if (total > long.MaxValue)
            {
                return false;
            }
        }

        duration = new GoDuration((long)(negative ? -total : total));
        return true;
    }

    public int CompareTo(GoDuration other) => Nanoseconds.CompareTo(other.Nanoseconds);

    /// <summary>Go's canonical form: "1m0s", "1h30m0s", "1.5s", "300ms", "0s".</summary>
    public override string ToString()
    {
        if (Nanoseconds == 0)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        if (Nanoseconds < 0)
        {
            builder.Append('-');
        }

        var value = (ulong)Math.Abs((decimal)Nanoseconds);
        if (value < (ulong)Second)
        {
            var (scale, unit) = value < (ulong)Microsecond ? (1UL, "ns") : value < (ulong)Millisecond ? ((ulong)Microsecond, "µs") : ((ulong)Millisecond, "ms");
            AppendFraction(builder, value, scale);
            return builder.Append(unit).ToString();
        }

        var hours = value / (ulong)Hour;
        var minutes = value % (ulong)Hour / (ulong)Minute;
        var rest = value % (ulong)Minute;
        if (hours > 0)
        {
            builder.Append(hours).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            builder.Append(minutes).Append('m');
        }

        AppendFraction(builder, rest, (ulong)Second);
        return builder.Append('s').ToString();
    }

    private static void AppendFraction(StringBuilder builder, ulong value, ulong scale)
    {
        builder.Append(value / scale);
        var fraction = value % scale;
        if (fraction == 0)
        {
            return;
        }

        var digits = fraction.ToString(CultureInfo.InvariantCulture).PadLeft((scale - 1).ToString(CultureInfo.InvariantCulture).Length, '0');
        builder.Append('.').Append(digits.TrimEnd('0'));
    }
}
