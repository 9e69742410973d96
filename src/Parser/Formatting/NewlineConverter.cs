namespace AlloyLint.Parser.Formatting;

/// <summary>
/// Passes text on with every "\n" that is not already part of a "\r\n" replaced by <paramref name="newline"/>
/// (raw strings keep the line breaks they were written with).
/// </summary>
internal sealed class NewlineConverter(ITextSink output, string newline) : ITextSink
{
    private bool _afterCarriageReturn;

    public void Write(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var afterCarriageReturn = _afterCarriageReturn;
        _afterCarriageReturn = text[^1] == '\r';
        for (var lineFeed = text.IndexOf('\n'); lineFeed >= 0; lineFeed = text.IndexOf('\n'))
        {
            if (lineFeed > 0 ? text[lineFeed - 1] == '\r' : afterCarriageReturn)
            {
                output.Write(text[..(lineFeed + 1)]);
            }
            else
            {
                output.Write(text[..lineFeed]);
                output.Write(newline);
            }

            text = text[(lineFeed + 1)..];
            afterCarriageReturn = false;
        }

        output.Write(text);
    }
}
