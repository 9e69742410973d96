namespace AlloyLint.Parser.Lexing;

/// <summary>Identifier rules shared by the parser (block labels) and rules that suggest names.</summary>
public static class Identifiers
{
    /// <summary>
    /// Upstream's <c>scanner.IsValidIdentifier</c>: scanning <paramref name="text"/> yields one identifier token
    /// covering all of it: a letter or <c>_</c>, then letters, <c>_</c> and decimal digits, and not a keyword.
    /// </summary>
    public static bool IsValidIdentifier(string text)
    {
        if (text.Length == 0 || text is "true" or "false" or "null")
        {
            return false;
        }

        var first = true;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!(GoText.IsLetter(rune.Value) || (!first && GoText.IsDigit(rune.Value))))
            {
                return false;
            }

            first = false;
        }

        return true;
    }
}
