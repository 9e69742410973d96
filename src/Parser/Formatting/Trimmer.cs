using System.Buffers;
using System.Text;

namespace AlloyLint.Parser.Formatting;

/// <summary>
/// The last stage of upstream's printer: drops the spaces and tabs that end a line (and the output), turns
/// '\f' into '\n' and '\v' into '\t', and passes text between two escape characters through unmodified,
/// removing the escape characters themselves.
/// </summary>
internal sealed class Trimmer(StringBuilder output, char escape) : ITextSink
{
    private readonly SearchValues<char> _textBreaks = SearchValues.Create([' ', '\t', '\v', '\n', '\f', escape]);
    private readonly StringBuilder _pendingSpace = new();
    private State _state;

    private enum State
    {
        Space,
        Text,
        Escape,
    }

    public void Write(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            switch (_state)
            {
                case State.Escape:
                {
                    var end = text[i..].IndexOf(escape);
                    if (end < 0)
                    {
                        output.Append(text[i..]);
                        return;
                    }

                    output.Append(text.Slice(i, end));
                    i += end + 1;
                    _state = State.Space;
                    break;
                }

                case State.Text:
                {
                    var end = text[i..].IndexOfAny(_textBreaks);
                    if (end < 0)
                    {
                        output.Append(text[i..]);
                        return;
                    }

                    output.Append(text.Slice(i, end));
                    i += end;
                    _state = State.Space;
                    break;
                }

                default:
                {
                    var ch = text[i];
                    switch (ch)
                    {
                        case ' ' or '\t':
                            _pendingSpace.Append(ch);
                            i++;
                            break;
                        case '\v':
                            _pendingSpace.Append('\t');
                            i++;
                            break;
                        case '\n' or '\f':
                            _pendingSpace.Clear();
                            output.Append('\n');
                            i++;
                            break;
                        default:
                            WritePendingSpace();
                            if (ch == escape)
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

                    break;
                }
            }
        }
    }

    private void WritePendingSpace()
    {
        if (_pendingSpace.Length > 0)
        {
            output.Append(_pendingSpace);
            _pendingSpace.Clear();
        }
    }
}
