using System.Text;

namespace AlloyLint.Parser.Formatting;

/// <summary>Collects the formatted text.</summary>
internal sealed class StringBuilderSink(StringBuilder builder) : ITextSink
{
    public void Write(ReadOnlySpan<char> text) => builder.Append(text);
}
