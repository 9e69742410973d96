using AlloyLint.Parser.Text;

namespace AlloyLint.Rules.Fixes;

/// <summary>Replace the text at <see cref="Span"/> of the original source with <see cref="NewText"/>.</summary>
public sealed record TextEdit(TextSpan Span, string NewText)
{
    public static TextEdit Insert(int offset, string text) => new(new TextSpan(offset, 0), text);

    public static TextEdit Delete(TextSpan span) => new(span, string.Empty);

    public static TextEdit Replace(TextSpan span, string text) => new(span, text);
}
