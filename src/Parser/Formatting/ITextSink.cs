namespace AlloyLint.Parser.Formatting;

/// <summary>The receiving end of one stage of the formatting pipeline.</summary>
internal interface ITextSink
{
    void Write(ReadOnlySpan<char> text);
}
