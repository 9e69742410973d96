using AlloyLint.Parser.Text;
using Superpower;
using Superpower.Parsers;

namespace AlloyLint.Parser.Lexing;

/// <summary>Identifier rules shared by the parser (block labels) and rules that suggest names.</summary>
public static class Identifiers
{
    private static readonly AlloyTokenizer RawTokenizer = new(insertTerminators: false);

    private static readonly TokenListParser<AlloyToken, Superpower.Model.Token<AlloyToken>> LeadingIdentifier =
        Token.EqualTo(AlloyToken.Ident);

    /// <summary>
    /// Upstream's <c>scanner.IsValidIdentifier</c>: the first token of <paramref name="text"/> is an identifier
    /// spanning all of it (so keywords such as <c>true</c> are not identifiers).
    /// </summary>
    public static bool IsValidIdentifier(string text)
    {
        if (text.Length == 0 || !GoText.IsLetter(char.IsHighSurrogate(text[0]) && text.Length > 1 ? char.ConvertToUtf32(text[0], text[1]) : text[0]))
        {
            return false;
        }

        var scanned = RawTokenizer.Scan(SourceText.From(text));
        var identifier = LeadingIdentifier(scanned.Tokens);
        return identifier.HasValue && identifier.Value.Span.Length == text.Length;
    }
}
