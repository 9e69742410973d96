using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
        _lineStarts = new int[CountLineFeeds(text) + 1];
        FindLineStarts(text, _lineStarts);
    }

    public int LineCount => _lineStarts.Length;

    /// <summary>
    /// The number of '\n' in <paramref name="text"/>. <c>MemoryExtensions.Count</c> takes a bit mask of each vector's
    /// matches, which code built for any x64 processor does without the instruction for 16-bit lanes: adding up the
    /// matches lane by lane takes a tenth of the instructions.
    /// </summary>
    internal static int CountLineFeeds(ReadOnlySpan<char> text)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(text);
        ref var first = ref MemoryMarshal.GetReference(chars);
        var lineFeed = Vector128.Create((ushort)'\n');
        var width = Vector128<ushort>.Count;
        var count = 0;
        var i = 0;
        while (i <= chars.Length - width)
        {
            // A lane counts at most one match per vector, so it cannot overflow within 65,535 vectors.
            var blockEnd = Math.Min(chars.Length - width, i + (ushort.MaxValue - 1) * width);
            var lanes = Vector128<ushort>.Zero;
            for (; i <= blockEnd; i += width)
            {
                lanes -= Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)i), lineFeed);
            }

            count += (int)Vector128.Sum(Vector128.WidenLower(lanes) + Vector128.WidenUpper(lanes));
        }

        for (; i < chars.Length; i++)
        {
            if (chars[i] == '\n')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Writes the offset after each '\n' of <paramref name="text"/> to <paramref name="lineStarts"/> from index 1. Lines
    /// average a few dozen characters, so a search call per line costs more than taking 16 characters at a time and
    /// walking the bits of their matches.
    /// </summary>
    private static void FindLineStarts(ReadOnlySpan<char> text, int[] lineStarts)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(text);
        ref var first = ref MemoryMarshal.GetReference(chars);
        var lineFeed = Vector128.Create((ushort)'\n');
        var width = 2 * Vector128<ushort>.Count;
        var line = 1;
        var i = 0;
        for (; i <= chars.Length - width; i += width)
        {
            // The matches of two vectors narrowed to bytes give one bit per character.
            var low = Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)i), lineFeed);
            var high = Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)(i + Vector128<ushort>.Count)), lineFeed);
            var matches = Vector128.Narrow(low, high).ExtractMostSignificantBits();
            while (matches != 0)
            {
                lineStarts[line++] = i + BitOperations.TrailingZeroCount(matches) + 1;
                matches &= matches - 1;
            }
        }

        for (; i < chars.Length; i++)
        {
            if (chars[i] == '\n')
            {
                lineStarts[line++] = i + 1;
            }
        }
    }

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
