using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AlloyLint.Parser.Text;

/// <summary>
/// Maps offsets to lines and columns in O(log n). Lines end at '\n' only, as in Alloy's scanner:
/// a '\r' before it belongs to the line.
/// </summary>
public sealed class LineMap
{
    // Line starts are kept as 16-bit offsets from the start of their group of 64 lines, and each group's start in
    // full: 2 bytes a line rather than 4 (a 10 MB file has half a million lines). When some group spans 64 K characters
    // or more (lines of a thousand characters on average), every start is kept in full instead.
    private const int GroupShift = 6;
    private const int GroupMask = (1 << GroupShift) - 1;

    // Lines are found this many characters at a time (widened from ASCII bytes when the text is kept so).
    private const int ChunkLength = 16 * 1024;

    private readonly SourceText _source;

    // Each group's start; when _offsets is null, each line's start.
    private readonly int[] _starts;

    // Each line's start less its group's start; null when every start is kept in full.
    private readonly ushort[]? _offsets;

    // The 0-based line of the last lookup: callers mostly ask about the same or a later offset. Any value is a valid
    // hint, so threads may race on it.
    private int _lastLine;

    public LineMap(string text)
        : this(SourceText.From(text))
    {
    }

    internal LineMap(SourceText source)
    {
        _source = source;
        Span<char> scratch = stackalloc char[ChunkLength];
        var lineFeeds = 0;
        for (var start = 0; start < source.Length; start += ChunkLength)
        {
            lineFeeds += CountLineFeeds(Chunk(source, start, scratch));
        }

        LineCount = lineFeeds + 1;
        _starts = new int[((LineCount - 1) >> GroupShift) + 1];
        _offsets = new ushort[LineCount];
        if (!FindLineStarts(source, _starts, _offsets, scratch))
        {
            (_starts, _offsets) = (new int[LineCount], null);
            FindLineStarts(source, _starts, null, scratch);
        }
    }

    public int LineCount { get; }

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

    /// <summary>Up to <see cref="ChunkLength"/> characters of <paramref name="source"/> from <paramref name="start"/>.</summary>
    private static ReadOnlySpan<char> Chunk(SourceText source, int start, Span<char> scratch)
    {
        var chars = source.Chars(start, scratch);
        return chars.Length > ChunkLength ? chars[..ChunkLength] : chars;
    }

    /// <summary>
    /// Records the offset after each '\n' of <paramref name="source"/> as the start of lines 2 on (see
    /// <see cref="Record"/>); false when a group spans too many characters for <paramref name="offsets"/>.
    /// </summary>
    private static bool FindLineStarts(SourceText source, int[] starts, ushort[]? offsets, Span<char> scratch)
    {
        var line = 1;
        for (var start = 0; start < source.Length; start += ChunkLength)
        {
            if (!FindLineStarts(Chunk(source, start, scratch), start, starts, offsets, ref line))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="FindLineStarts(SourceText, int[], ushort[], Span{char})"/> for the characters <paramref name="text"/>
    /// at <paramref name="offset"/>, the next line being the 0-based <paramref name="line"/>. Lines average a few dozen
    /// characters, so a search call per line costs more than taking 16 characters at a time and walking the bits of
    /// their matches.
    /// </summary>
    private static bool FindLineStarts(ReadOnlySpan<char> text, int offset, int[] starts, ushort[]? offsets, ref int line)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(text);
        ref var first = ref MemoryMarshal.GetReference(chars);
        var lineFeed = Vector128.Create((ushort)'\n');
        var width = 2 * Vector128<ushort>.Count;
        var i = 0;
        for (; i <= chars.Length - width; i += width)
        {
            // The matches of two vectors narrowed to bytes give one bit per character.
            var low = Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)i), lineFeed);
            var high = Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)(i + Vector128<ushort>.Count)), lineFeed);
            var matches = Vector128.Narrow(low, high).ExtractMostSignificantBits();
            while (matches != 0)
            {
                if (!Record(starts, offsets, line++, offset + i + BitOperations.TrailingZeroCount(matches) + 1))
                {
                    return false;
                }

                matches &= matches - 1;
            }
        }

        for (; i < chars.Length; i++)
        {
            if (chars[i] == '\n' && !Record(starts, offsets, line++, offset + i + 1))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Records that the 0-based <paramref name="line"/> starts at <paramref name="start"/>: in <paramref name="starts"/>
    /// alone when <paramref name="offsets"/> is null, else as an offset from its group's start (false when it does not fit).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Record(int[] starts, ushort[]? offsets, int line, int start)
    {
        if (offsets is null)
        {
            starts[line] = start;
            return true;
        }

        if ((line & GroupMask) == 0)
        {
            starts[line >> GroupShift] = start;
            return true;
        }

        var offset = start - starts[line >> GroupShift];
        offsets[line] = (ushort)offset;
        return offset <= ushort.MaxValue;
    }

    /// <summary>Where the 0-based <paramref name="index"/>th line starts.</summary>
    private int StartOf(int index) => _offsets is { } offsets ? _starts[index >> GroupShift] + offsets[index] : _starts[index];

    /// <summary>The offset at which the 1-based <paramref name="line"/> starts.</summary>
    public int LineStart(int line) => StartOf(line - 1);

    /// <summary>The offset just past the last character of the line, before its '\r\n' or '\n'.</summary>
    public int LineEnd(int line)
    {
        var end = line < LineCount ? StartOf(line) - 1 : _source.Length;
        if (end > StartOf(line - 1) && _source[end - 1] == '\r')
        {
            end--;
        }

        return end;
    }

    /// <summary>The text of a line without its line terminator.</summary>
    public string LineText(int line) => _source[TextSpan.FromBounds(LineStart(line), LineEnd(line))];

    /// <summary>The 1-based line containing <paramref name="offset"/>.</summary>
    public int GetLine(int offset)
    {
        var hint = _lastLine;
        if (StartOf(hint) <= offset && (hint + 1 == LineCount || offset < StartOf(hint + 1)))
        {
            return hint + 1;
        }

        // The last line starting at or before the offset: found among the groups, then within its group.
        var index = Array.BinarySearch(_starts, offset);
        var line = index >= 0 ? index + 1 : ~index;
        if (_offsets is { } offsets && line > 0)
        {
            var group = line - 1;
            var inGroup = offset - _starts[group];
            var (first, last) = (group << GroupShift, Math.Min((group << GroupShift) + GroupMask, LineCount - 1));
            while (first < last)
            {
                var middle = (first + last + 1) / 2;
                (first, last) = offsets[middle] <= inGroup ? (middle, last) : (first, middle - 1);
            }

            line = first + 1;
        }

        if (line > 0)
        {
            _lastLine = line - 1;
        }

        return line;
    }

    public LinePosition GetPosition(int offset)
    {
        var line = GetLine(offset);
        return new LinePosition(line, offset - LineStart(line) + 1);
    }

    /// <summary>The 1-based column in UTF-8 bytes, as upstream Alloy counts it (without a BOM).</summary>
    public int GetUtf8Column(int offset)
    {
        var line = GetLine(offset);
        var start = LineStart(line);
        return _source.Utf8ByteCount(TextSpan.FromBounds(start, offset)) + 1;
    }
}
