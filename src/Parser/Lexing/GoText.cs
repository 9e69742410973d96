using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace AlloyLint.Parser.Lexing;

/// <summary>Go's character classes and formatting verbs as upstream's scanner and messages use them.</summary>
internal static class GoText
{
    public const int Eof = -1;

    /// <summary>Scanner letters: ASCII letters, <c>_</c>, and non-ASCII letters (Unicode categories L*).</summary>
    // Inlined: the scanner asks at every token and every character of a name.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(int ch) =>
        (uint)((ch | 0x20) - 'a') <= 'z' - 'a' || ch == '_' || (ch >= 0x80 && IsUnicodeLetter(ch));

    /// <summary>Scanner digits: ASCII digits and non-ASCII decimal digits (category Nd only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(int ch) =>
        (uint)(ch - '0') <= 9 || (ch >= 0x80 && Category(ch) == UnicodeCategory.DecimalDigitNumber);

    public static bool IsDecimal(int ch) => (uint)(ch - '0') <= 9;

    /// <summary>The value of a hexadecimal digit, or 16 for anything else.</summary>
    public static int DigitValue(int ch)
    {
        if (IsDecimal(ch))
        {
            return ch - '0';
        }

        var lower = ch | 0x20;
        return lower is >= 'a' and <= 'f' ? lower - 'a' + 10 : 16;
    }

    /// <summary>Go's <c>strconv.IsPrint</c>: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    public static bool IsPrint(int ch)
    {
        if (ch == ' ')
        {
            return true;
        }

        if (ch < 0 || ch > 0x10FFFF || (ch >= 0xD800 && ch <= 0xDFFF))
        {
            return false;
        }

        return Category(ch) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => true,
            UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
                or UnicodeCategory.OtherSymbol => true,
            _ => false,
        };
    }

    /// <summary>Go's <c>%#U</c>: <c>U+0023 '#'</c>, or only <c>U+0007</c> for a character that does not print.</summary>
    public static string FormatCodePoint(int ch)
    {
        var code = "U+" + ch.ToString("X4", CultureInfo.InvariantCulture);
        return IsPrint(ch) ? $"{code} '{char.ConvertFromUtf32(ch)}'" : code;
    }

    /// <summary>Go's <c>%q</c> of a string (<c>strconv.Quote</c>).</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            int ch = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                ch = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            switch (ch)
            {
                case '"':
                    builder.Append("\\\"");
                    continue;
                case '\\':
                    builder.Append("\\\\");
                    continue;
            }

            if (IsPrint(ch))
            {
                // A supplementary character has already moved i to its low surrogate: copy the pair as it is.
                builder.Append(text.AsSpan(ch < 0x10000 ? i : i - 1, ch < 0x10000 ? 1 : 2));
                continue;
            }

            builder.Append(ch switch
            {
                '\a' => "\\a",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\v' => "\\v",
                < ' ' or 0x7F => "\\x" + ch.ToString("x2", CultureInfo.InvariantCulture),
                >= 0xD800 and <= 0xDFFF => "\\ufffd",
                < 0x10000 => "\\u" + ch.ToString("x4", CultureInfo.InvariantCulture),
                _ => "\\U" + ch.ToString("x8", CultureInfo.InvariantCulture),
            });
        }

        return builder.Append('"').ToString();
    }

    private static bool IsUnicodeLetter(int ch) => Category(ch) is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter;

    private static UnicodeCategory Category(int ch) =>
        ch is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF)
            ? CharUnicodeInfo.GetUnicodeCategory(ch)
            : UnicodeCategory.OtherNotAssigned;
}
