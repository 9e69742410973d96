using System.Buffers;
using System.Collections.Immutable;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Parser.Formatting;

/// <summary>
/// The printer engine of upstream's formatter. The walker sends it text, position hints and whitespace
/// directives; it buffers the whitespace, injects source comments where they belong by position, writes
/// indentation, and wraps comments in escape characters so the tab writer treats them as opaque text.
/// <para>
/// It tracks an estimate of the current <em>source</em> position (set by each hint, advanced by everything
/// written) to decide where comments go, exactly as upstream does, so comments land where upstream puts them.
/// </para>
/// <para>
/// Nothing written changes afterwards, so the output goes to the tab writer whenever the buffer is full.
/// </para>
/// </summary>
internal sealed class Printer
{
    private const int WhitespaceCapacity = 16;
    private const int MaxNewlines = 2;

    private static readonly SearchValues<char> ProtectedCharacters = SearchValues.Create("\t\v\f ");

    private readonly SyntaxTree _tree;
    private readonly LineMap _lines;
    private readonly char _escape;
    private readonly int _baseIndent;
    private readonly SourceText _source;
    private readonly ImmutableArray<Comment> _comments;
    private readonly Whitespace[] _whitespace = new Whitespace[WhitespaceCapacity];
    private int _whitespaceCount;

    private readonly TabWriter _output;
    private char[] _buffer;
    private int _bufferLength;
    private bool _wroteAnything;
    private int _indent;
    private TokenClass _lastToken;

    // Estimated source position, and the line after the last text written.
    private SourcePosition _position = new(0, 1);
    private int _lastLine;

    // True while nothing has been written on the current output line (upstream: out.Column == 1).
    private bool _atLineStart = true;

    private int _cachedLine;
    private int _cachedLineStart;
    private int _cachedNextLineStart;

    // The next comment group is _comments[_groupStart.._groupEnd), starting at _commentStart (-1 once none is left).
    private int _groupStart;
    private int _groupEnd;
    private int _commentStart = -1;

    // Where a comment's text is read into when the source keeps it as ASCII bytes.
    private char[] _commentText = new char[64];

    /// <param name="comments">The comments to print: the tree's, or those of the part of it printed.</param>
    /// <param name="bufferSize">How many characters are buffered before they go to the tab writer.</param>
    public Printer(SyntaxTree tree, ImmutableArray<Comment> comments, char escape, int baseIndent, TabWriter output, int bufferSize)
    {
        _tree = tree;
        _lines = tree.Source.Lines;
        CacheLine(1);
        _escape = escape;
        _baseIndent = baseIndent;
        _source = tree.Source;
        _comments = comments;
        _output = output;
        _buffer = ArrayPool<char>.Shared.Rent(bufferSize);
        NextCommentGroup();
    }

    private enum TokenClass : byte
    {
        Other,
        Number,
        Divide,
    }

    /// <summary>
    /// The 1-based source line of <paramref name="offset"/>. Lookups stay near the walk's position (comments and
    /// the previous item just behind it, the next items ahead), so the last line found and the few lines around it
    /// are tried before a binary search.
    /// </summary>
    public int Line(int offset)
    {
        for (var step = 0; step < 4; step++)
        {
            if (offset < _cachedLineStart)
            {
                if (_cachedLine == 1)
                {
                    break;
                }

                CacheLine(_cachedLine - 1);
            }
            else if (offset >= _cachedNextLineStart)
            {
                if (_cachedLine == _lines.LineCount)
                {
                    break;
                }

                CacheLine(_cachedLine + 1);
            }
            else
            {
                return _cachedLine;
            }
        }

        CacheLine(_lines.GetLine(offset));
        return _cachedLine;
    }

    private void CacheLine(int line)
    {
        _cachedLine = line;
        _cachedLineStart = _lines.LineStart(line);
        _cachedNextLineStart = line < _lines.LineCount ? _lines.LineStart(line + 1) : int.MaxValue;
    }

    /// <summary>True if a comment starts in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public bool HasCommentBetween(int start, int end)
    {
        // Usually the comments printed so far start before the range and the next one after it: no search then.
        var printedBefore = _groupStart == 0 || _comments[_groupStart - 1].Span.Start < start;
        var nextAfter = _commentStart < 0 || _commentStart >= end;
        return !(printedBefore && nextAfter) && _tree.FirstCommentStartingIn(start, end) is not null;
    }

    /// <summary>A position hint: the next text item starts at <paramref name="offset"/> in the source.</summary>
    public void Position(int offset) => _position = new SourcePosition(offset, Line(offset));

    public void Space(Whitespace whitespace)
    {
        if (_whitespaceCount == WhitespaceCapacity)
        {
            WriteWhitespace(_whitespaceCount);
        }

        _whitespace[_whitespaceCount++] = whitespace;
        _lastToken = TokenClass.Other;
    }

    /// <summary>Punctuation or an operator.</summary>
    public void Token(string text)
    {
        // Keep two tokens from fusing into a different token when rescanned ("1 .a" must not become "1.a").
        if ((_lastToken == TokenClass.Number && text[0] == '.') || (_lastToken == TokenClass.Divide && text[0] == '*'))
        {
            _whitespace[0] = Whitespace.Blank;
            _whitespaceCount = 1;
        }

        _lastToken = text == "/" ? TokenClass.Divide : TokenClass.Other;
        WriteItem(text, protectControls: false);
    }

    public void Identifier(string name)
    {
        _lastToken = TokenClass.Other;
        WriteItem(name, protectControls: false);
    }

    /// <summary>A literal or quoted text printed verbatim; tabwriter control characters inside it are protected.</summary>
    public void Literal(ReadOnlySpan<char> text, bool isNumber)
    {
        _lastToken = isNumber ? TokenClass.Number : TokenClass.Other;
        WriteItem(text, protectControls: true);
    }

    /// <summary>
    /// Ends the walk: comments after the last token are written, pending whitespace is dropped, and the buffered
    /// output goes to the tab writer.
    /// </summary>
    public void Finish()
    {
        Flush(new SourcePosition(int.MaxValue, int.MaxValue), atEnd: true);
        WriteBuffer();
    }

    /// <summary>Gives the buffer back to the pool after <see cref="Finish"/>.</summary>
    public void ReturnBuffer()
    {
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void WriteItem(ReadOnlySpan<char> text, bool protectControls)
    {
        var next = _position;
        Flush(next, atEnd: false);
        WriteString(next, text, protectControls ? TextMode.ProtectControls : TextMode.Plain);
    }

    private void Flush(SourcePosition next, bool atEnd)
    {
        if (_commentStart >= 0 && _commentStart <= next.Offset)
        {
            InjectComments(next, atEnd);
        }
        else if (!atEnd)
        {
            WriteWhitespace(_whitespaceCount);
        }
    }

    private void InjectComments(SourcePosition next, bool atEnd)
    {
        Comment? lastComment = null;
        while (_commentStart >= 0 && _commentStart <= next.Offset)
        {
            for (var i = _groupStart; i < _groupEnd; i++)
            {
                var comment = _comments[i];
                WriteCommentPrefix(next, comment);
                WriteString(new SourcePosition(comment.Span.Start, Line(comment.Span.Start)), comment.ReadText(ref _commentText), TextMode.Escaped);
                lastComment = comment;
            }

            NextCommentGroup();
        }

        if (!atEnd && lastComment is not null)
        {
            WriteCommentSuffix(next, lastComment);
        }
    }

    private void WriteCommentPrefix(SourcePosition next, Comment comment)
    {
        if (!_wroteAnything)
        {
            return;
        }

        var commentLine = Line(comment.Span.Start);
        if (commentLine == _lastLine)
        {
            // A trailing comment gets a tab (so trailing comments of consecutive lines align); a comment
            // followed by more code on its line gets a space.
            WriteChar(commentLine == next.Line ? ' ' : '\t', 1);
            return;
        }

        // Apply leading indentation changes and drop the first real whitespace entry: the comment brings
        // its own line breaks.
        var count = 0;
        for (var i = 0; i < _whitespaceCount; i++)
        {
            var entry = _whitespace[i];
            if (entry is Whitespace.Indent or Whitespace.Unindent)
            {
                continue;
            }

            if (entry != Whitespace.Ignore)
            {
                _whitespace[i] = Whitespace.Ignore;
            }

            count = i;
            break;
        }

        WriteWhitespace(count);
        var newlines = _lastLine > 0 ? commentLine - _lastLine : 0;
        if (newlines > 0)
        {
            WriteChar('\f', Math.Min(newlines, MaxNewlines));
        }
    }

    private void WriteCommentSuffix(SourcePosition next, Comment lastComment)
    {
        // Upstream's end position of a comment counts the text without carriage returns.
        var endLine = Line(Math.Max(lastComment.Span.Start, lastComment.Span.Start + lastComment.TextLength - 1));
        if (lastComment.Kind == CommentKind.Block && next.Line == endLine)
        {
            WriteChar(' ', 1);
        }

        var newlines = next.Line - _lastLine;
        var droppedFormfeed = false;
        for (var i = 0; i < _whitespaceCount; i++)
        {
            switch (_whitespace[i])
            {
                case Whitespace.Blank or Whitespace.VTab or Whitespace.Newline:
                    _whitespace[i] = Whitespace.Ignore;
                    break;
                case Whitespace.Formfeed:
                    droppedFormfeed = true;
                    _whitespace[i] = Whitespace.Ignore;
                    break;
            }
        }

        WriteWhitespace(_whitespaceCount);
        if (newlines > 0)
        {
            WriteChar(droppedFormfeed ? '\f' : '\n', Math.Min(newlines, MaxNewlines));
        }
    }

    private void WriteWhitespace(int count)
    {
        for (var i = 0; i < count; i++)
        {
            switch (_whitespace[i])
            {
                case Whitespace.Ignore:
                    break;
                case Whitespace.Indent:
                    _indent++;
                    break;
                case Whitespace.Unindent:
                    _indent--;
                    if (_indent < 0)
                    {
                        throw new InvalidOperationException("printer: negative indentation");
                    }

                    break;
                default:
                    WriteChar((char)_whitespace[i], 1);
                    break;
            }
        }

        if (count < _whitespaceCount)
        {
            _whitespace.AsSpan(count, _whitespaceCount - count).CopyTo(_whitespace);
        }

        _whitespaceCount -= count;
    }

    private void WriteString(SourcePosition position, ReadOnlySpan<char> text, TextMode mode)
    {
        if (_atLineStart)
        {
            WriteIndent();
        }

        // Identifiers and tokens hold no control characters; literals and comments are searched once for any
        // ('\t', '\n', '\v' and '\f' are the consecutive characters 9 to 12).
        var hasControls = mode != TextMode.Plain && text.ContainsAnyInRange('\t', '\f');
        switch (mode)
        {
            case TextMode.Escaped:
                Append(_escape);
                Append(text);
                Append(_escape);
                break;
            case TextMode.ProtectControls when hasControls && NeedsProtection(text):
                AppendProtected(text);
                break;
            default:
                Append(text);
                break;
        }

        var newlines = hasControls ? text.Count('\n') + text.Count('\f') : 0;
        _position = new SourcePosition(position.Offset + text.Length, position.Line + newlines);
        _lastLine = _position.Line;
        if (text.Length > 0)
        {
            _atLineStart = text[^1] is '\n' or '\f';
        }
    }

    private static bool NeedsProtection(ReadOnlySpan<char> text) =>
        text.IndexOfAny('\t', '\v', '\f') >= 0 || text.Contains(" \n", StringComparison.Ordinal);

    /// <summary>
    /// Writes a string literal so that the tab writer and the trimmer cannot change it: each '\t', '\v' and
    /// '\f', and each run of spaces that ends a line of a multi-line raw string, is wrapped in escape
    /// characters. Upstream turns such tabs into alignment spaces and strips such trailing blanks, which
    /// changes the string. Escaped text keeps its width, so alignment is otherwise unaffected.
    /// </summary>
    private void AppendProtected(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var special = text.IndexOfAny(ProtectedCharacters);
            if (special < 0)
            {
                Append(text);
                return;
            }

            Append(text[..special]);
            text = text[special..];
            if (text[0] != ' ')
            {
                Append(_escape);
                Append(text[0]);
                Append(_escape);
                text = text[1..];
                continue;
            }

            var spaces = text.IndexOfAnyExcept(' ');
            if (spaces < 0)
            {
                spaces = text.Length;
            }

            var endsLine = spaces < text.Length && text[spaces] == '\n';
            if (endsLine)
            {
                Append(_escape);
            }

            Append(text[..spaces]);
            if (endsLine)
            {
                Append(_escape);
            }

            text = text[spaces..];
        }
    }

    private void WriteIndent()
    {
        var depth = _baseIndent + _indent;
        Append('\t', depth);
        _position = new SourcePosition(_position.Offset + depth, _position.Line);
        if (depth > 0)
        {
            _atLineStart = false;
        }
    }

    private void WriteChar(char ch, int count)
    {
        if (_atLineStart)
        {
            WriteIndent();
        }

        Append(ch, count);
        if (ch is '\n' or '\f')
        {
            _position = new SourcePosition(_position.Offset + count, _position.Line + count);
            _atLineStart = true;
        }
        else
        {
            _position = new SourcePosition(_position.Offset + count, _position.Line);
            _atLineStart = false;
        }
    }

    private void Append(char ch)
    {
        if (_bufferLength == _buffer.Length)
        {
            WriteBuffer();
        }

        _buffer[_bufferLength++] = ch;
        _wroteAnything = true;
    }

    private void Append(char ch, int count)
    {
        // Whitespace directives write one character at a time: no fill for those.
        if (count == 1)
        {
            Append(ch);
            return;
        }

        while (count > 0)
        {
            if (_bufferLength == _buffer.Length)
            {
                WriteBuffer();
            }

            var run = Math.Min(count, _buffer.Length - _bufferLength);
            _buffer.AsSpan(_bufferLength, run).Fill(ch);
            _bufferLength += run;
            count -= run;
            _wroteAnything = true;
        }
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_bufferLength + text.Length > _buffer.Length)
        {
            WriteBuffer();
            if (text.Length > _buffer.Length)
            {
                _output.Write(text);
                _wroteAnything = true;
                return;
            }
        }

        CharBuffer.Copy(text, _buffer.AsSpan(_bufferLength));
        _bufferLength += text.Length;
        _wroteAnything |= text.Length > 0;
    }

    private void WriteBuffer()
    {
        _output.Write(_buffer.AsSpan(0, _bufferLength));
        _bufferLength = 0;
    }

    /// <summary>
    /// Moves to upstream's next comment group: consecutive comment tokens (nothing but whitespace between them)
    /// where each starts at most one line after the previous one ended.
    /// </summary>
    private void NextCommentGroup()
    {
        _groupStart = _groupEnd;
        if (_groupStart == _comments.Length)
        {
            _commentStart = -1;
            return;
        }

        _groupEnd = _groupStart + 1;
        while (_groupEnd < _comments.Length && ContinuesGroup(_comments[_groupEnd - 1], _comments[_groupEnd]))
        {
            _groupEnd++;
        }

        _commentStart = _comments[_groupStart].Span.Start;
    }

    private bool ContinuesGroup(Comment previous, Comment next)
    {
        if (!_source.ConsistsOf(TextSpan.FromBounds(previous.Span.End, next.Span.Start), " \t\r\n"))
        {
            return false;
        }

        var previousEndLine = _lines.GetLine(previous.Span.Start) + previous.ReadText(ref _commentText).Count('\n');
        return _lines.GetLine(next.Span.Start) <= previousEndLine + 1;
    }

    private enum TextMode
    {
        Plain,
        ProtectControls,
        Escaped,
    }

    /// <summary>
    /// A source offset and its line in one 64-bit value, so that a position is always stored and read whole: two
    /// 32-bit stores read back at once by a 64-bit load stall the processor (no store forwarding).
    /// </summary>
    private readonly struct SourcePosition(int offset, int line)
    {
        private readonly ulong _packed = (ulong)(uint)line << 32 | (uint)offset;

        public int Offset => (int)_packed;

        public int Line => (int)(_packed >> 32);
    }
}

/// <summary>Whitespace directives of the walker; the values of the printable ones are their characters.</summary>
internal enum Whitespace : ushort
{
    Ignore = 0,
    Blank = ' ',
    VTab = '\v',
    Newline = '\n',
    Formfeed = '\f',
    Indent = '>',
    Unindent = '<',
}
