using System.Buffers;

namespace AlloyLint.Parser.Formatting;

/// <summary>
/// The last stage of upstream's printer: drops the spaces and tabs that end a line (and the output), turns
/// '\f' into '\n' and '\v' into '\t', and passes text between two escape characters through unmodified,
/// removing the escape characters themselves. The trimmed text of each write goes to the output in one piece.
/// </summary>
internal sealed class Trimmer(ITextSink output, char escape) : ITextSink
{
    private static readonly SearchValues<char> TextBreaks = SearchValues.Create(" \t\v\n\f");
    private static readonly SearchValues<char> Blanks = SearchValues.Create(" \t\v");

    // Blanks seen since the last text, written only if more text follows on the line.
    private readonly CharBuffer _pendingSpace = new(64);
    private readonly CharBuffer _trimmed = new(4096);
    private State _state;

    private enum State
    {
        Space,
        Text,
        Escape,
    }

    public void Write(ReadOnlySpan<char> text)
    {
        Trim(text);
        output.Write(_trimmed.Chars);
        _trimmed.Clear();
    }

    private void Trim(ReadOnlySpan<char> text)
    {
        var i = 0;
        var nextEscape = -1; // absolute index of the next escape character at or after i, once searched
        while (i < text.Length)
        {
            if (nextEscape < i)
            {
                var found = text[i..].IndexOf(escape);
                nextEscape = found < 0 ? int.MaxValue : i + found;
            }

            switch (_state)
            {
                case State.Escape:
                {
                    var end = Math.Min(nextEscape, text.Length);
                    _trimmed.Append(text[i..end]);
                    if (end == text.Length)
                    {
                        return;
                    }

                    i = end + 1;
                    _state = State.Space;
                    break;
                }

                case State.Text:
                {
                    var found = text[i..].IndexOfAny(TextBreaks);
                    var end = Math.Min(found < 0 ? text.Length : i + found, Math.Min(nextEscape, text.Length));
                    _trimmed.Append(text[i..end]);
                    i = end;
                    _state = State.Space;
                    break;
                }

                default:
                {
                    var run = text[i..].IndexOfAnyExcept(Blanks);
                    var end = run < 0 ? text.Length : i + run;
                    if (end > i)
                    {
                        var start = _pendingSpace.Length;
                        _pendingSpace.Append(text[i..end]);
                        _pendingSpace.Chars[start..].Replace('\v', '\t');
                        i = end;
                        continue;
                    }

                    var ch = text[i];
                    if (ch is '\n' or '\f')
                    {
                        _pendingSpace.Clear();
                        _trimmed.Append('\n', 1);
                        i++;
                        break;
                    }

                    _trimmed.Append(_pendingSpace.Chars);
                    _pendingSpace.Clear();
                    if (i == nextEscape)
                    {
                        _state = State.Escape;
                        i++;
                    }
                    else
                    {
                        _state = State.Text;
                    }

                    break;
                }
            }
        }
    }
}
