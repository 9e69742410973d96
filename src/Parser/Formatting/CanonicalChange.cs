using AlloyLint.Parser.Text;

namespace AlloyLint.Parser.Formatting;

/// <summary>Replacing <paramref name="Span"/> of a file with <paramref name="Replacement"/> makes it canonically formatted.</summary>
public sealed record CanonicalChange(TextSpan Span, string Replacement);
