using System.Runtime.CompilerServices;
using AlloyLint.Parser.Text;

namespace AlloyLint.Parser.Lexing;

/// <summary>A lexical error: upstream's message at a UTF-16 offset, and when upstream's parser reports it.</summary>
/// <param name="TokenIndex">
/// The index (among non-comment tokens) of the token whose scan produced the error. Upstream's parser scans one
/// token ahead, so the error is reported when that token becomes the parser's current token.
/// </param>
public readonly record struct LexicalError(int Offset, string Message, int TokenIndex);

/// <summary>
/// The character-level state machine behind <see cref="AlloyTokenizer"/>: a port of the behaviour of upstream's
/// <c>scanner.Scan</c> (one character of look-ahead, errors reported as characters are read, terminator insertion
/// including the look-ahead over comments) over a UTF-16 string. It never allocates per character.
/// </summary>
internal sealed class AlloyScanner
{
    private const int ByteOrderMark = 0xFEFF;

    // The window's buffer, and what to add to an index into it to make it an offset into the source: the scanner
    // works in indexes and reports offsets.
    private readonly char[] _text;
    private readonly int _shift;
    private readonly int _start;
    private readonly int _end;
    private readonly int[] _invalidUtf8Offsets;
    private readonly bool _leadingBomIsIllegal;
    private readonly bool _insertTerminators;
    private readonly List<LexicalError> _errors;

    private int _ch;
    private int _offset;
    private int _readOffset;
    private bool _insertTerm;
    private int _line;
    private int _lineStart;

    /// <param name="text">The text to scan, which must hold <paramref name="start"/> to <paramref name="end"/>.</param>
    /// <param name="start">The offset where scanning starts.</param>
    /// <param name="end">The offset where scanning stops (exclusive).</param>
    /// <param name="invalidUtf8Offsets">Sorted offsets of U+FFFD characters that stand for invalid UTF-8 bytes.</param>
    /// <param name="leadingBomIsIllegal">True when a BOM was already stripped, so a BOM at <paramref name="start"/> is a second one.</param>
    /// <param name="insertTerminators">False only to test the raw token stream, as upstream's tests do.</param>
    /// <param name="errors">Receives the lexical errors in upstream's order.</param>
    public AlloyScanner(TextWindow text, int start, int end, int[] invalidUtf8Offsets, bool leadingBomIsIllegal, bool insertTerminators, List<LexicalError> errors)
    {
        _text = text.Buffer;
        _shift = text.Start;
        start -= _shift;
        _start = start;
        _end = end - _shift;
        _invalidUtf8Offsets = invalidUtf8Offsets;
        _leadingBomIsIllegal = leadingBomIsIllegal;
        _insertTerminators = insertTerminators;
        _errors = errors;
        _readOffset = start;
        _offset = start;
        _lineStart = start;
        _line = 1;
        Next();
        if (_ch == ByteOrderMark && !leadingBomIsIllegal)
        {
            Next();
        }
    }

    /// <summary>Index of the next non-comment token; errors are tagged with it. The driver advances it.</summary>
    public int TokenIndex { get; set; }

    /// <summary>The offset just past the last scanned token.</summary>
    public int Offset => _offset + _shift;

    /// <summary>The 1-based line of <see cref="Offset"/>, counted from the start of what is scanned.</summary>
    public int Line => _line;

    /// <summary>The 1-based UTF-16 column of <see cref="Offset"/>.</summary>
    public int Column => _offset - _lineStart + 1;

    /// <summary>For a <see cref="AlloyToken.Comment"/>: the text with '\r' removed as upstream does, or null when unchanged.</summary>
    public string? CleanedCommentText { get; private set; }

    /// <summary>Scans the next token; <paramref name="start"/> is its offset, <paramref name="line"/> and <paramref name="column"/> its 1-based UTF-16 position.</summary>
    public AlloyToken Scan(out int start, out int line, out int column)
    {
        SkipWhitespace();
        var begin = _offset;
        start = begin + _shift;
        line = _line;
        column = _offset - _lineStart + 1;
        CleanedCommentText = null;

        AlloyToken token;
        var insertTerm = false;
        var ch = _ch;
        if (GoText.IsLetter(ch))
        {
            token = ScanIdentifier(begin);
            insertTerm = token is AlloyToken.Ident or AlloyToken.Bool or AlloyToken.Null;
        }
        else if (GoText.IsDecimal(ch) || (ch == '.' && GoText.IsDecimal(Peek())))
        {
            insertTerm = true;
            token = ScanNumber();
        }
        else
        {
            Next();
            switch (ch)
            {
                case GoText.Eof:
                    if (_insertTerm)
                    {
                        _insertTerm = false;
                        return AlloyToken.Terminator;
                    }

                    token = AlloyToken.Eof;
                    break;
                case '\n':
                    _insertTerm = false;
                    return AlloyToken.Terminator;
                case '\'':
                    Error(begin, "illegal single-quoted string; use double quotes");
                    insertTerm = true;
                    token = AlloyToken.Illegal;
                    ScanString('\'', escapes: true, multiline: false);
                    break;
                case '"':
                    insertTerm = true;
                    token = AlloyToken.String;
                    ScanString('"', escapes: true, multiline: false);
                    break;
                case '`':
                    insertTerm = true;
                    token = AlloyToken.String;
                    ScanString('`', escapes: false, multiline: true);
                    break;
                case '|':
                    token = SecondOrError('|', AlloyToken.Or);
                    break;
                case '&':
                    token = SecondOrError('&', AlloyToken.And);
                    break;
                case '!':
                    token = Switch2(AlloyToken.Not, AlloyToken.Neq);
                    break;
                case '=':
                    token = Switch2(AlloyToken.Assign, AlloyToken.Eq);
                    break;
                case '<':
                    token = Switch2(AlloyToken.Lt, AlloyToken.Lte);
                    break;
                case '>':
                    token = Switch2(AlloyToken.Gt, AlloyToken.Gte);
                    break;
                case '+':
                    token = AlloyToken.Add;
                    break;
                case '-':
                    token = AlloyToken.Sub;
                    break;
                case '*':
                    token = AlloyToken.Mul;
                    break;
                case '/':
                    if (_ch is '/' or '*')
                    {
                        if (_insertTerm && FindLineEnd())
                        {
                            _ch = '/';
                            _offset = begin;
                            _readOffset = begin + 1;
                            _insertTerm = false;
                            return AlloyToken.Terminator;
                        }

                        ScanComment(begin);
                        token = AlloyToken.Comment;
                    }
                    else
                    {
                        token = AlloyToken.Div;
                    }

                    break;
                case '%':
                    token = AlloyToken.Mod;
                    break;
                case '^':
                    token = AlloyToken.Pow;
                    break;
                case '{':
                    token = AlloyToken.LCurly;
                    break;
                case '}':
                    insertTerm = true;
                    token = AlloyToken.RCurly;
                    break;
                case '(':
                    token = AlloyToken.LParen;
                    break;
                case ')':
                    insertTerm = true;
                    token = AlloyToken.RParen;
                    break;
                case '[':
                    token = AlloyToken.LBrack;
                    break;
                case ']':
                    insertTerm = true;
                    token = AlloyToken.RBrack;
                    break;
                case ',':
                    token = AlloyToken.Comma;
                    break;
                case '.':
                    token = AlloyToken.Dot;
                    break;
                default:
                    // Next() already reported a misplaced BOM.
                    if (ch != ByteOrderMark)
                    {
                        Error(begin, "illegal character " + GoText.FormatCodePoint(ch));
                    }

                    insertTerm = _insertTerm;
                    token = AlloyToken.Illegal;
                    break;
            }
        }

        if (_insertTerminators)
        {
            _insertTerm = insertTerm;
        }

        return token;
    }

    /// <summary>Reports <paramref name="message"/> at the index <paramref name="index"/>.</summary>
    private void Error(int index, string message) => _errors.Add(new LexicalError(index + _shift, message, TokenIndex));

    private int Peek() => _readOffset < _end ? _text[_readOffset] : 0;

    /// <summary>Makes the next character current, reporting NUL, invalid UTF-8 and misplaced BOMs as upstream's <c>next</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Next()
    {
        // Most characters are ASCII other than NUL: nothing to report.
        var read = _readOffset;
        if (read < _end && (uint)(_text[read] - 1) < 0x7F)
        {
            if (_ch == '\n')
            {
                _line++;
                _lineStart = read;
            }

            _offset = read;
            _readOffset = read + 1;
            _ch = _text[read];
            return;
        }

        NextChecked();
    }

    /// <summary>ASCII that a run of characters passes over: nothing to report and no new line (anything but NUL and '\n').</summary>
    private static bool IsPlainAscii(int c) => (uint)(c - 1) < 0x7F && c != '\n';

    /// <summary>
    /// Passes the current character, which must not be '\n', and the plain ASCII up to <paramref name="read"/>
    /// (found by the caller's own loop, which is faster than a <see cref="Next"/> per character), and makes the
    /// character at <paramref name="read"/> current.
    /// </summary>
    private void SkipTo(int read)
    {
        _readOffset = read;
        Next();
    }

    private void NextChecked()
    {
        if (_readOffset >= _end)
        {
            _offset = _end;
            if (_ch == '\n')
            {
                _line++;
                _lineStart = _offset;
            }

            _ch = GoText.Eof;
            return;
        }

        _offset = _readOffset;
        if (_ch == '\n')
        {
            _line++;
            _lineStart = _offset;
        }

        int ch = _text[_readOffset];
        var width = 1;
        if (ch == 0)
        {
            Error(_offset, "illegal character NUL");
        }
        else if (ch >= 0x80)
        {
            if (char.IsSurrogate((char)ch))
            {
                if (char.IsHighSurrogate((char)ch) && _readOffset + 1 < _end && char.IsLowSurrogate(_text[_readOffset + 1]))
                {
                    ch = char.ConvertToUtf32((char)ch, _text[_readOffset + 1]);
                    width = 2;
                }
                else
                {
                    ch = 0xFFFD;
                    Error(_offset, "illegal UTF-8 encoding");
                }
            }
            else if (ch == 0xFFFD && Array.BinarySearch(_invalidUtf8Offsets, _offset + _shift) >= 0)
            {
                Error(_offset, "illegal UTF-8 encoding");
            }
            else if (ch == ByteOrderMark && (_offset > _start || _leadingBomIsIllegal))
            {
                Error(_offset, "illegal byte order mark");
            }
        }

        _readOffset += width;
        _ch = ch;
    }

    private void SkipWhitespace()
    {
        while (true)
        {
            if (_ch is ' ' or '\t' or '\r')
            {
                var read = _readOffset;
                while (read < _end && _text[read] is ' ' or '\t' or '\r')
                {
                    read++;
                }

                SkipTo(read);
            }
            else if (_ch == '\n' && !_insertTerm)
            {
                Next();
            }
            else
            {
                return;
            }
        }
    }

    private AlloyToken ScanIdentifier(int start)
    {
        // ASCII identifier characters cannot raise errors or start lines: skip them without Next().
        var read = _readOffset;
        while (read < _end && IsAsciiIdentifierPart(_text[read]))
        {
            read++;
        }

        _readOffset = read;
        Next();
        while (GoText.IsLetter(_ch) || GoText.IsDigit(_ch))
        {
            Next();
        }

        var length = _offset - start;
        if (length > 1)
        {
            var span = _text.AsSpan(start, length);
            if (span is "true" or "false")
            {
                return AlloyToken.Bool;
            }

            if (span is "null")
            {
                return AlloyToken.Null;
            }
        }

        return AlloyToken.Ident;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiIdentifierPart(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_';

    private AlloyToken ScanNumber()
    {
        var start = _offset;
        var token = AlloyToken.Number;
        if (_ch != '.')
        {
            Digits();
        }

        if (_ch == '.')
        {
            token = AlloyToken.Float;
            Next();
            Digits();
        }

        if ((_ch | 0x20) == 'e')
        {
            token = AlloyToken.Float;
            Next();
            if (_ch is '+' or '-')
            {
                Next();
            }

            if (Digits() == 0)
            {
                Error(start, "exponent has no digits");
            }
        }

        return token;
    }

    private int Digits()
    {
        var count = 0;
        while (GoText.IsDecimal(_ch))
        {
            Next();
            count++;
        }

        return count;
    }

    private void ScanString(char until, bool escapes, bool multiline)
    {
        var start = _offset - 1;
        while (true)
        {
            var ch = _ch;
            if ((!multiline && ch == '\n') || ch == GoText.Eof)
            {
                Error(start, "string literal not terminated");
                return;
            }

            if (ch != until && ch != '\\' && IsPlainAscii(ch))
            {
                var read = _readOffset;
                while (read < _end && _text[read] is var next && next != until && next != '\\' && IsPlainAscii(next))
                {
                    read++;
                }

                SkipTo(read);
                continue;
            }

            Next();
            if (ch == until)
            {
                return;
            }

            if (escapes && ch == '\\')
            {
                ScanEscape();
            }
        }
    }

    private void ScanEscape()
    {
        var start = _offset;
        int digits, numberBase, max;
        switch (_ch)
        {
            case 'a' or 'b' or 'f' or 'n' or 'r' or 't' or 'v' or '\\' or '"':
                Next();
                return;
            case >= '0' and <= '7':
                (digits, numberBase, max) = (3, 8, 255);
                break;
            case 'x':
                Next();
                (digits, numberBase, max) = (2, 16, 255);
                break;
            case 'u':
                Next();
                (digits, numberBase, max) = (4, 16, 0x10FFFF);
                break;
            case 'U':
                Next();
                (digits, numberBase, max) = (8, 16, 0x10FFFF);
                break;
            default:
                Error(start, _ch == GoText.Eof ? "escape sequence not terminated" : "unknown escape sequence");
                return;
        }

        long value = 0;
        for (; digits > 0; digits--)
        {
            var digit = GoText.DigitValue(_ch);
            if (digit >= numberBase)
            {
                Error(start, _ch == GoText.Eof
                    ? "escape sequence not terminated"
                    : $"illegal character {GoText.FormatCodePoint(_ch)} in escape sequence");
                return;
            }

            value = (value * numberBase) + digit;
            Next();
        }

        if (value > max || value is >= 0xD800 and < 0xE000)
        {
            Error(start, "escape sequence is invalid Unicode code point");
        }
    }

    private void ScanComment(int start)
    {
        var carriageReturns = 0;
        var block = _ch == '*';
        if (!block)
        {
            Next();
            while (_ch != '\n' && _ch != GoText.Eof)
            {
                if (_ch == '\r')
                {
                    carriageReturns++;
                }
                else if (IsPlainAscii(_ch))
                {
                    var read = _readOffset;
                    while (read < _end && _text[read] != '\r' && IsPlainAscii(_text[read]))
                    {
                        read++;
                    }

                    SkipTo(read);
                    continue;
                }

                Next();
            }
        }
        else
        {
            Next();
            var terminated = false;
            while (_ch != GoText.Eof)
            {
                var ch = _ch;
                if (ch == '\r')
                {
                    carriageReturns++;
                }

                Next();
                if (ch == '*' && _ch == '/')
                {
                    Next();
                    terminated = true;
                    break;
                }
            }

            if (!terminated)
            {
                Error(start, "block comment not terminated");
            }
        }

        if (carriageReturns > 0)
        {
            CleanedCommentText = StripCarriageReturns(_text.AsSpan(start, _offset - start), carriageReturns, block);
        }
    }

    /// <summary>Upstream's comment cleaning: drop a final '\r', then every '\r' unless it keeps a block comment from ending early.</summary>
    private static string StripCarriageReturns(ReadOnlySpan<char> literal, int carriageReturns, bool block)
    {
        if (literal.Length >= 1 && literal[^1] == '\r')
        {
            literal = literal[..^1];
            carriageReturns--;
        }

        if (carriageReturns == 0)
        {
            return literal.ToString();
        }

        Span<char> kept = literal.Length <= 512 ? stackalloc char[literal.Length] : new char[literal.Length];
        var count = 0;
        for (var j = 0; j < literal.Length; j++)
        {
            var ch = literal[j];
            if (ch != '\r' || (block && count > 2 && kept[count - 1] == '*' && j + 1 < literal.Length && literal[j + 1] == '/'))
            {
                kept[count++] = ch;
            }
        }

        return kept[..count].ToString();
    }

    /// <summary>
    /// Whether the comment starting at the '/' just consumed (and any comments following it on the line) runs to the
    /// end of the line. Reads ahead, reporting what <see cref="Next"/> reports on the way as upstream does, then
    /// restores the position.
    /// </summary>
    private bool FindLineEnd()
    {
        var (ch, offset, readOffset, line, lineStart) = (_ch, _offset, _readOffset, _line, _lineStart);
        try
        {
            while (_ch is '/' or '*')
            {
                if (_ch == '/')
                {
                    return true;
                }

                Next();
                while (_ch != GoText.Eof)
                {
                    var current = _ch;
                    if (current == '\n')
                    {
                        return true;
                    }

                    Next();
                    if (current == '*' && _ch == '/')
                    {
                        Next();
                        break;
                    }
                }

                SkipWhitespace();
                if (_ch == GoText.Eof || _ch == '\n')
                {
                    return true;
                }

                if (_ch != '/')
                {
                    return false;
                }

                Next();
            }

            return false;
        }
        finally
        {
            (_ch, _offset, _readOffset, _line, _lineStart) = (ch, offset, readOffset, line, lineStart);
        }
    }

    private AlloyToken Switch2(AlloyToken single, AlloyToken withEquals)
    {
        if (_ch != '=')
        {
            return single;
        }

        Next();
        return withEquals;
    }

    private AlloyToken SecondOrError(char second, AlloyToken token)
    {
        if (_ch != second)
        {
            Error(_offset, $"missing second {second} in {second}{second}");
        }
        else
        {
            Next();
        }

        return token;
    }
}
