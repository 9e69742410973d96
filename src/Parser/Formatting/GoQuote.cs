using System.Globalization;
using System.Text;

namespace AlloyLint.Parser.Formatting;

/// <summary>What Go's <c>%q</c> (strconv.Quote) does to a string, as far as the formatter needs it.</summary>
internal static class GoQuote
{
    /// <summary>
    /// True when <c>%q</c> of <paramref name="text"/> is the text between two double quotes unchanged: no '"',
    /// no '\\' and only characters Go considers printable (letters, marks, numbers, punctuation, symbols and
    /// the ASCII space).
    /// </summary>
    public static bool IsVerbatim(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '"' or '\\' || !IsPrintable(rune))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPrintable(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation
                or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
                or UnicodeCategory.OtherSymbol => true,
            _ => false,
        };
    }
}
