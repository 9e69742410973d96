using System.Text;

namespace AlloyLint.Parser.Text;

/// <summary>
/// Maps offsets to lines and columns in O(log n). Lines end at '\n' only, as in Alloy's scanner:
/// a '\r' before it belongs to the line.
/// </summary>
public sealed class LineMap
{
    private readonly string _text;
    private readonly int[] _lineStarts;

    // The 0-based line of the last lookup: callers mostly ask about the same or a later offset. Any value is a valid
    // hint, so threads may race on it.
    private int _lastLine;

    public LineMap(string text)
    {
        _text = text;
        var span = text.AsSpan();
        _lineStarts = new int[span.Count('\n') + 1];
        var offset = 0;
        for (var line = 1; line < _lineStarts.Length; line++)
        {
            offset += span[offset..].IndexOf('\n') + 1;
            _lineStarts[line] = offset;
        }
    }

    public int LineCount => _lineStarts.Length;

    /// <summary>The offset at which the 1-based <paramref name="line"/> starts.</summary>
    public int LineStart(int line) => _lineStarts[line - 1];

    /// <summary>The offset just past the last character of the line, before its '\r\n' or '\n'.</summary>
    public int LineEnd(int line)
    {
        var end = line < _lineStarts.Length ? _lineStarts[line] - 1 : _text.Length;
        if (end > _lineStarts[line - 1] && _text[end - 1] == '\r')
        {
            end--;
        }

        return end;
    }

    /// <summary>The text of a line without its line terminator.</summary>
    public string LineText(int line) => _text[LineStart(line)..LineEnd(line)];

    /// <summary>The 1-based line containing <paramref name="offset"/>.</summary>
    public int GetLine(int offset)
    {
        var hint = _lastLine;
        if (_lineStarts[hint] <= offset && (hint + 1 == _lineStarts.Length || offset < _lineStarts[hint + 1]))
        {
            return hint + 1;
        }

        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index + 1 : ~index;
        if (line > 0)
        {
            _lastLine = line - 1;
        }

        return line;
    }

    public LinePosition GetPosition(int offset)
    {
        var line = GetLine(offset);
        return new LinePosition(line, offset - _lineStarts[line - 1] + 1);
    }

    /// <summary>The 1-based column in UTF-8 bytes, as upstream Alloy counts it (without a BOM).</summary>
    public int GetUtf8Column(int offset)
    {
        var line = GetLine(offset);
        var start = _lineStarts[line - 1];
        return Encoding.UTF8.GetByteCount(_text.AsSpan(start, offset - start)) + 1;
    }
}
