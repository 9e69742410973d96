using System.Buffers;

namespace AlloyLint.Parser.Formatting;

/// <summary>
/// The last stage of upstream's printer: drops the spaces and tabs that end a line (and the output), turns
/// '\f' into '\n' and '\v' into '\t', and passes text between two escape characters through unmodified,
/// removing the escape characters themselves. The trimmed text of each write goes to the output in one piece.
/// </summary>
internal sealed class Trimmer(ITextSink output, char escape, int initialCapacity) : ITextSink
{
    private static readonly SearchValues<char> LineBreaksAndVerticalTab = SearchValues.Create("\n\f\v");

    // Blanks since the last text, written only if more text follows on the line.
    private readonly CharBuffer _pendingSpace = new(64, fromPool: true);
    private readonly CharBuffer _trimmed = new(initialCapacity, fromPool: true);
    private bool _inEscape;

    public void Write(ReadOnlySpan<char> text)
    {
        Trim(text);
        output.Write(_trimmed.Chars);
        _trimmed.Clear();
    }

    private void Trim(ReadOnlySpan<char> text)
    {
        var nextEscape = text.IndexOf(escape);
        var i = 0;
        while (i < text.Length)
        {
            if (nextEscape >= 0 && nextEscape < i)
            {
                var found = text[i..].IndexOf(escape);
                nextEscape = found < 0 ? -1 : i + found;
            }

            var escapeOrEnd = nextEscape < 0 ? text.Length : nextEscape;
            if (_inEscape)
            {
                _trimmed.Append(text[i..escapeOrEnd]);
                _inEscape = escapeOrEnd == text.Length;
                i = escapeOrEnd + 1;
                continue;
            }

            // Up to the next line break, '\v' or escape, the text needs no change but its trailing blanks,
            // which become pending: a line break may follow.
            var special = text[i..escapeOrEnd].IndexOfAny(LineBreaksAndVerticalTab);
            var end = special < 0 ? escapeOrEnd : i + special;
            if (end < text.Length && text[end] == '\n' && _pendingSpace.Length == 0
                && (end == i || text[end - 1] is not (' ' or '\t')))
            {
                // Most lines have nothing to trim: such a line goes out with its line break in one piece.
                _trimmed.Append(text[i..(end + 1)]);
                i = end + 1;
                continue;
            }

            WriteTextKeepingTrailingBlanksPending(text[i..end]);
            if (end == text.Length)
            {
                return;
            }

            switch (text[end])
            {
                case '\v':
                    _pendingSpace.Append('\t');
                    break;
                case '\n' or '\f':
                    _pendingSpace.Clear();
                    _trimmed.Append('\n');
                    break;
                default:
                    WritePendingSpace();
                    _inEscape = true;
                    break;
            }

            i = end + 1;
        }
    }

    private void WriteTextKeepingTrailingBlanksPending(ReadOnlySpan<char> text)
    {
        // Text rarely ends with a blank: search only when it does.
        var lastText = text.IsEmpty || text[^1] is ' ' or '\t' ? text.LastIndexOfAnyExcept(' ', '\t') : text.Length - 1;
        if (lastText >= 0)
        {
            WritePendingSpace();
            _trimmed.Append(text[..(lastText + 1)]);
        }

        _pendingSpace.Append(text[(lastText + 1)..]);
    }

    private void WritePendingSpace()
    {
        _trimmed.Append(_pendingSpace.Chars);
        _pendingSpace.Clear();
    }

    /// <summary>Gives the buffers back to the pool once everything is written.</summary>
    public void ReturnBuffers()
    {
        _pendingSpace.ReturnToPool();
        _trimmed.ReturnToPool();
    }
}
