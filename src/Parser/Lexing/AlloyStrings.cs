namespace AlloyLint.Parser.Lexing;

/// <summary>String literal text, for code that writes Alloy (fixes) the way the formatter and upstream quote it.</summary>
public static class AlloyStrings
{
    /// <summary>A double-quoted literal for <paramref name="value"/>, escaped as Go's <c>strconv.Quote</c> does.</summary>
    public static string Quote(string value) => GoText.Quote(value);
}
