namespace AlloyLint.Parser.Formatting;

/// <summary>
/// A port of the semantics of Go's <c>text/tabwriter</c> (elastic tab stops), which upstream's printer uses for
/// alignment. Input is split into cells terminated by '\t' (hard) or '\v' (soft); lines end at '\n' or '\f'.
/// Terminated cells of consecutive lines form column blocks padded to the widest cell plus padding; the text
/// after a line's last tab is not part of any column. A '\f', or a line without any tab, flushes everything
/// buffered. Text between two escape characters is opaque (its tabs and line breaks do not count) and the
/// escape characters are passed through without counting toward widths. Widths are counted in runes.
/// Every line break is written as '\n'; formatted lines go to the output in pieces of about 4 K characters.
/// Supported options are the ones Go offers minus HTML filtering, right alignment, escape stripping and debug
/// bars, which the formatter does not use; tab stops are every 8 columns, as upstream's printer sets them.
/// </summary>
internal sealed class TabWriter
{
    // Formatted lines are written to the output once this many characters are waiting (and at the end).
    private const int OutputPiece = 4 * 1024;

    // A constant, so that padding with tabs needs no division instruction.
    private const int TabWidth = 8;

    private readonly ITextSink _output;
    private readonly int _minWidth;
    private readonly int _padding;
    private readonly char _padChar;
    private readonly bool _discardEmptyColumns;
    private readonly bool _tabIndent;
    private readonly char _escape;

    // Collected text of the buffered lines, without the tabs and line breaks that split it.
    private readonly CharBuffer _text;

    // Position in _text up to which the width of the current cell has been counted.
    private int _measured;
    private Cell _cell;
    private bool _inEscape;

    // Until some input holds a UTF-16 surrogate, a cell's width in runes is its length.
    private bool _sawSurrogate;

    // Cells of all buffered lines, flat; line i owns _cells[_lineStarts[i] .. _lineStarts[i + 1]).
    private Cell[] _cells = new Cell[256];
    private int _cellCount;
    private int[] _lineStarts = new int[64];
    private int _lineCount;

    // Widths of the enclosing column blocks while formatting.
    private int[] _widths = new int[16];
    private int _widthCount;

    // Formatted lines not yet written to the output.
    private readonly CharBuffer _formatted;

    public TabWriter(
        ITextSink output,
        int minWidth,
        int padding,
        char padChar,
        bool discardEmptyColumns,
        bool tabIndent,
        char escape,
        int initialCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minWidth);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        _text = new CharBuffer(initialCapacity, fromPool: true);
        _formatted = new CharBuffer(initialCapacity, fromPool: true);
        _output = output;
        _minWidth = minWidth;
        _padding = padding;
        _padChar = padChar;
        _discardEmptyColumns = discardEmptyColumns;
        _tabIndent = tabIndent;
        _escape = escape;
        Reset();
    }

    private struct Cell
    {
        public int Size;      // length in _text (UTF-16 code units)
        public int Width;     // width in runes, escape characters excluded
        public bool HardTab;  // terminated by '\t' rather than '\v'
    }

    public void Write(ReadOnlySpan<char> input)
    {
        _sawSurrogate = _sawSurrogate || input.ContainsAnyInRange('\uD800', '\uDFFF');
        var start = 0;
        var i = 0;
        var nextEscape = -1; // absolute index of the next escape character at or after i, once searched
        while (i < input.Length)
        {
            if (nextEscape < i)
            {
                var found = input[i..].IndexOf(_escape);
                nextEscape = found < 0 ? int.MaxValue : i + found;
            }

            if (_inEscape)
            {
                if (nextEscape == int.MaxValue)
                {
                    break;
                }

                i = nextEscape;
                Append(input[start..(i + 1)]);
                start = i + 1;
                EndEscape();
                i++;
                continue;
            }

            // '\t', '\n', '\v' and '\f' are the consecutive characters 9 to 12. A break right at i (indentation, an
            // empty line) is common enough to be checked before searching.
            var cellBreak = char.IsBetween(input[i], '\t', '\f') ? 0 : input[i..].IndexOfAnyInRange('\t', '\f');
            var next = cellBreak < 0 ? int.MaxValue : i + cellBreak;
            if (next == int.MaxValue && nextEscape == int.MaxValue)
            {
                break;
            }

            i = Math.Min(next, nextEscape);
            var ch = input[i];
            if (i == nextEscape)
            {
                Append(input[start..i]);
                UpdateWidth();
                start = i;
                _inEscape = true;
                i++;
                continue;
            }

            if (ch is '\n' or '\f' && _lineCount == 1 && _cellCount == 0)
            {
                // A line without tabs and nothing buffered before it: there is nothing to align.
                _formatted.Append(_text.Chars);
                _formatted.Append(input[start..i]);
                _formatted.Append('\n');
                Reset();
            }
            else
            {
                Append(input[start..i]);
                UpdateWidth();
                var cellsInLine = TerminateCell(ch == '\t');
                if (ch is '\n' or '\f')
                {
                    AddLine();
                    if (ch == '\f' || cellsInLine == 1)
                    {
                        // A line of a single cell cannot influence the columns of later lines.
                        FormatLines();
                    }
                }
            }

            if (_formatted.Length >= OutputPiece)
            {
                WriteFormatted();
            }

            start = i + 1;
            i++;
        }

        Append(input[start..]);
    }

    /// <summary>Formats and writes everything buffered. An unterminated escape counts as terminated.</summary>
    public void Flush()
    {
        if (_cell.Size > 0)
        {
            if (_inEscape)
            {
                EndEscape();
            }

            TerminateCell(htab: false);
        }

        FormatLines();
        WriteFormatted();
    }

    private void FormatLines()
    {
        Format(0, 0, _lineCount);
        Reset();
    }

    private void WriteFormatted()
    {
        _output.Write(_formatted.Chars);
        _formatted.Clear();
    }

    private void Reset()
    {
        _text.Clear();
        _measured = 0;
        _cell = default;
        _inEscape = false;
        _cellCount = 0;
        _lineCount = 0;
        _widthCount = 0;
        AddLine();
    }

    private void AddLine()
    {
        if (_lineCount == _lineStarts.Length)
        {
            Array.Resize(ref _lineStarts, _lineStarts.Length * 2);
        }

        _lineStarts[_lineCount++] = _cellCount;
    }

    private int CellsInLine(int line) =>
        (line + 1 < _lineCount ? _lineStarts[line + 1] : _cellCount) - _lineStarts[line];

    private void Append(ReadOnlySpan<char> text)
    {
        _text.Append(text);
        _cell.Size += text.Length;
    }

    private void UpdateWidth()
    {
        _cell.Width += _sawSurrogate ? RuneWidth(_text.Chars[_measured..]) : _text.Length - _measured;
        _measured = _text.Length;
    }

    private void EndEscape()
    {
        UpdateWidth();
        _cell.Width -= 2; // the two escape characters do not count
        _inEscape = false;
    }

    private int TerminateCell(bool htab)
    {
        _cell.HardTab = htab;
        if (_cellCount == _cells.Length)
        {
            Array.Resize(ref _cells, _cells.Length * 2);
        }

        _cells[_cellCount++] = _cell;
        _cell = default;
        return _cellCount - _lineStarts[_lineCount - 1];
    }

    /// <summary>Formats lines [line0, line1) whose text starts at <paramref name="position"/>; returns where line1's text starts.</summary>
    private int Format(int position, int line0, int line1)
    {
        var column = _widthCount;
        for (var current = line0; current < line1; current++)
        {
            if (column >= CellsInLine(current) - 1)
            {
                continue;
            }

            // This line has a cell in this column: a column block starts here.
            position = WriteLines(position, line0, current);
            line0 = current;

            var width = _minWidth;
            var discardable = true;
            for (; current < line1; current++)
            {
                if (column >= CellsInLine(current) - 1)
                {
                    break;
                }

                ref var cell = ref _cells[_lineStarts[current] + column];
                width = Math.Max(width, cell.Width + _padding);
                if (cell.Width > 0 || cell.HardTab)
                {
                    discardable = false;
                }
            }

            if (discardable && _discardEmptyColumns)
            {
                width = 0;
            }

            // Format the columns to the right of this one within the block.
            if (_widthCount == _widths.Length)
            {
                Array.Resize(ref _widths, _widths.Length * 2);
            }

            _widths[_widthCount++] = width;
            position = Format(position, line0, current);
            _widthCount--;
            line0 = current;
        }

        return WriteLines(position, line0, line1);
    }

    private int WriteLines(int position, int line0, int line1)
    {
        for (var line = line0; line < line1; line++)
        {
            var useTabs = _tabIndent;
            var first = _lineStarts[line];
            var count = CellsInLine(line);
            for (var j = 0; j < count; j++)
            {
                var cell = _cells[first + j];
                if (cell.Size == 0)
                {
                    if (j < _widthCount)
                    {
                        WritePadding(cell.Width, _widths[j], useTabs);
                    }

                    continue;
                }

                useTabs = false;
                _formatted.Append(_text.Chars.Slice(position, cell.Size));
                position += cell.Size;
                if (j < _widthCount)
                {
                    WritePadding(cell.Width, _widths[j], useTabs: false);
                }
            }

            if (line + 1 == _lineCount)
            {
                // The last buffered line has no line break yet: write its unfinished cell.
                _formatted.Append(_text.Chars.Slice(position, _cell.Size));
                position += _cell.Size;
            }
            else
            {
                _formatted.Append('\n');
            }
        }

        return position;
    }

    private void WritePadding(int textWidth, int cellWidth, bool useTabs)
    {
        if (_padChar == '\t' || useTabs)
        {
            cellWidth = (cellWidth + TabWidth - 1) / TabWidth * TabWidth;
            var padding = cellWidth - textWidth;
            _formatted.Append('\t', (padding + TabWidth - 1) / TabWidth);
            return;
        }

        _formatted.Append(_padChar, cellWidth - textWidth);
    }

    /// <summary>The number of Unicode scalar values (a surrogate pair counts once, a lone surrogate once).</summary>
    internal static int RuneWidth(ReadOnlySpan<char> text)
    {
        var width = text.Length;
        var surrogate = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (surrogate < 0)
        {
            return width;
        }

        for (var i = surrogate; i < text.Length - 1; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                width--;
                i++;
            }
        }

        return width;
    }

    /// <summary>Gives the buffers back to the pool after the last <see cref="Flush"/>.</summary>
    public void ReturnBuffers()
    {
        _text.ReturnToPool();
        _formatted.ReturnToPool();
    }
}
