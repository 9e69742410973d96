using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace AlloyLint.Parser.Text;

/// <summary>
/// The decoded text of one file, kept exactly (less a leading UTF-8 BOM, which is remembered) so that
/// fixes can be applied to it and written back with the same encoding and line endings.
/// </summary>
/// <remarks>
/// A file whose characters are all in Latin-1 (U+0000 to U+00FF: ASCII, as nearly every configuration is, and the
/// accented letters of Western European languages) is kept as one byte per character, half the memory of a UTF-16 string: in
/// a large lint the text is alive beside the tree and the model to the end. Its characters are read through the
/// members below, or a piece at a time through a <see cref="TextWindow"/>; <see cref="Text"/>, the whole text as one
/// string, is made on first use, which a lint never needs.
/// </remarks>
public sealed class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Exactly one of the two holds the text: a byte per character (its Latin-1 code) for a decoded file whose characters
    // all have one, else the UTF-16 string.
    private readonly byte[]? _narrow;
    private string? _text;
    private LineMap? _lines;
    private object? _linesLock;
    private string? _lineEnding;

    private SourceText(string path, string? text, byte[]? narrow, bool hasBom, int[] invalidUtf8Offsets)
    {
        Path = path;
        _text = text;
        _narrow = narrow;
        Length = narrow?.Length ?? text!.Length;
        HasBom = hasBom;
        InvalidUtf8Offsets = invalidUtf8Offsets;
    }

    /// <summary>The path as the user named it (or a display name such as "&lt;stdin&gt;").</summary>
    public string Path { get; }

    /// <summary>
    /// The text without the leading BOM, as one string; all spans are offsets into it. Kept a byte per character, the string
    /// is made on first use and kept: the code that rewrites whole files reads it, the lint reads pieces.
    /// </summary>
    public string Text => _text ??= Encoding.Latin1.GetString(_narrow!);

    public bool HasBom { get; }

    /// <summary>Offsets of U+FFFD characters that replaced invalid UTF-8 bytes (one per invalid byte).</summary>
    public IReadOnlyList<int> InvalidUtf8Offsets { get; }

    /// <summary>The number of UTF-16 characters.</summary>
    public int Length { get; }

    /// <summary>
    /// The line map, made on first use, once: the rules of a large file ask for it on several threads at the same
    /// time, and each map of a 10 MB file takes a megabyte and 50 M instructions.
    /// </summary>
    public LineMap Lines => _lines ?? LazyInitializer.EnsureInitialized(ref _lines, ref _linesLock, () => new LineMap(this));

    /// <summary>True once <see cref="Text"/> exists as a string (always, unless the file is kept a byte per character).</summary>
    internal bool HasString => _text is not null;

    /// <summary>"\r\n" when most line breaks are CRLF, else "\n".</summary>
    public string LineEnding => _lineEnding ??= _narrow is { } narrow ? MostCommonLineEnding<byte>(narrow) : MostCommonLineEnding<char>(_text);

    private static string MostCommonLineEnding<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        T lineFeed = T.CreateTruncating('\n'), carriageReturn = T.CreateTruncating('\r');
        if (!text.Contains(carriageReturn))
        {
            return "\n";
        }

        int lf = 0, crlf = 0;
        for (var i = text.IndexOf(lineFeed); i >= 0; i = NextIndexOf(text, lineFeed, i))
        {
            if (i > 0 && text[i - 1] == carriageReturn)
            {
                crlf++;
            }
            else
            {
                lf++;
            }
        }

        return crlf > lf ? "\r\n" : "\n";
    }

    /// <summary>The character at <paramref name="offset"/>.</summary>
    public char this[int offset] => _narrow is { } narrow ? (char)narrow[offset] : _text![offset];

    /// <summary>The text of <paramref name="span"/> as a new string.</summary>
    public string this[TextSpan span] => _narrow is { } narrow
        ? Encoding.Latin1.GetString(narrow, span.Start, span.Length)
        : _text!.Substring(span.Start, span.Length);

    /// <summary>The text of <paramref name="length"/> characters from <paramref name="start"/> as a new string (also <c>source[start..end]</c>).</summary>
    public string Slice(int start, int length) => this[new TextSpan(start, length)];

    /// <summary>The offset just past the last character that is not white space; 0 when there is none.</summary>
    public int EndOfContent()
    {
        var end = Length;
        while (end > 0 && char.IsWhiteSpace(this[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// The characters from <paramref name="start"/>: the string's own when the text is one, else as many as fit in
    /// <paramref name="scratch"/> (and are left), written there.
    /// </summary>
    public ReadOnlySpan<char> Chars(int start, Span<char> scratch)
    {
        if (_narrow is not { } narrow)
        {
            return _text.AsSpan(start);
        }

        var length = Math.Min(scratch.Length, Length - start);
        Encoding.Latin1.GetChars(narrow.AsSpan(start, length), scratch);
        return scratch[..length];
    }

    /// <summary>
    /// The characters of <paramref name="span"/>: the string's own when the text is one, else read into
    /// <paramref name="scratch"/>, which grows as needed. Valid until the scratch is used again.
    /// </summary>
    public ReadOnlySpan<char> Read(TextSpan span, ref char[] scratch)
    {
        if (_narrow is null)
        {
            return _text.AsSpan(span.Start, span.Length);
        }

        if (scratch.Length < span.Length)
        {
            scratch = new char[Math.Max(span.Length, 2 * scratch.Length)];
        }

        return Chars(span.Start, scratch)[..span.Length];
    }

    /// <summary>Copies the characters from <paramref name="start"/> into all of <paramref name="destination"/>.</summary>
    public void CopyTo(int start, Span<char> destination)
    {
        if (_narrow is { } narrow)
        {
            Encoding.Latin1.GetChars(narrow.AsSpan(start, destination.Length), destination);
        }
        else
        {
            _text.AsSpan(start, destination.Length).CopyTo(destination);
        }
    }

    /// <summary>The offset of the first <paramref name="value"/> at or after <paramref name="start"/>, or -1.</summary>
    public int IndexOf(char value, int start)
    {
        if (_narrow is not { } narrow)
        {
            return _text!.IndexOf(value, start);
        }

        var found = value <= byte.MaxValue ? narrow.AsSpan(start).IndexOf((byte)value) : -1;
        return found < 0 ? -1 : start + found;
    }

    /// <summary>The offset of the first <paramref name="first"/> or <paramref name="second"/> at or after <paramref name="start"/>, or -1.</summary>
    public int IndexOfAny(char first, char second, int start)
    {
        var found = _narrow is not { } narrow ? _text.AsSpan(start).IndexOfAny(first, second)
            : first > byte.MaxValue ? IndexOf(second, start) - start
            : second > byte.MaxValue ? IndexOf(first, start) - start
            : narrow.AsSpan(start).IndexOfAny((byte)first, (byte)second);
        return found < 0 ? -1 : start + found;
    }

    /// <summary>True when every character of <paramref name="span"/> is one of the ASCII <paramref name="allowed"/>.</summary>
    public bool ConsistsOf(TextSpan span, ReadOnlySpan<char> allowed)
    {
        if (_narrow is not { } narrow)
        {
            return _text.AsSpan(span.Start, span.Length).IndexOfAnyExcept(allowed) < 0;
        }

        Span<byte> allowedBytes = stackalloc byte[allowed.Length];
        System.Text.Ascii.FromUtf16(allowed, allowedBytes, out _);
        return narrow.AsSpan(span.Start, span.Length).IndexOfAnyExcept(allowedBytes) < 0;
    }

    /// <summary>How many characters from <paramref name="start"/> are the first characters of <paramref name="other"/>.</summary>
    /// <remarks>SkipLocalsInit: the formatter's check calls this for every piece it prints, and the scratch is written before it is read.</remarks>
    [SkipLocalsInit]
    public int CommonPrefixLength(int start, ReadOnlySpan<char> other)
    {
        Span<char> scratch = stackalloc char[256];
        var common = 0;
        while (common < other.Length && start + common < Length)
        {
            var chars = Chars(start + common, scratch);
            var rest = other[common..];
            var matched = rest.CommonPrefixLength(chars.Length > rest.Length ? chars[..rest.Length] : chars);
            common += matched;
            if (matched < chars.Length)
            {
                break;
            }
        }

        return common;
    }

    /// <summary>True when <paramref name="value"/> occurs anywhere in the text.</summary>
    public bool Contains(char value) =>
        _narrow is { } narrow ? value <= byte.MaxValue && narrow.AsSpan().Contains((byte)value) : _text!.Contains(value);

    /// <summary>How many bytes the characters of <paramref name="span"/> take in UTF-8.</summary>
    public int Utf8ByteCount(TextSpan span)
    {
        if (_narrow is not { } narrow)
        {
            return Encoding.UTF8.GetByteCount(_text.AsSpan(span.Start, span.Length));
        }

        // A character past ASCII takes two bytes.
        var count = span.Length;
        foreach (var character in narrow.AsSpan(span.Start, span.Length))
        {
            if (character >= 0x80)
            {
                count++;
            }
        }

        return count;
    }

    public LinePosition GetPosition(int offset) => Lines.GetPosition(offset);

    public static SourceText From(string text, string path = "<input>") => new(path, text, narrow: null, hasBom: false, []);

    /// <summary>Decodes UTF-8 bytes. Never throws: each invalid byte becomes U+FFFD and is recorded.</summary>
    public static SourceText Decode(ReadOnlySpan<byte> bytes, string path)
    {
        var hasBom = bytes.StartsWith("\uFEFF"u8);
        if (hasBom)
        {
            bytes = bytes[3..];
        }

        if (System.Text.Ascii.IsValid(bytes))
        {
            return new SourceText(path, text: null, bytes.ToArray(), hasBom, []);
        }

        // Characters up to U+00FF take two bytes in UTF-8, of which the first is 0xC2 or 0xC3.
        if (!bytes.ContainsAnyInRange((byte)0xC4, byte.MaxValue) && System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return new SourceText(path, text: null, NarrowLatin1(bytes), hasBom, []);
        }

        if (bytes.Length >= ParallelDecodeThreshold && TryDecodeInParallel(bytes) is { } decoded)
        {
            return new SourceText(path, decoded, narrow: null, hasBom, []);
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return new SourceText(path, StrictUtf8.GetString(bytes), narrow: null, hasBom, []);
        }

        var builder = new StringBuilder(bytes.Length);
        var invalid = new List<int>();
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                builder.Append(rune.ToString());
                bytes = bytes[consumed..];
            }
            else
            {
                invalid.Add(builder.Length);
                builder.Append('\uFFFD');
                bytes = bytes[1..];
            }
        }

        return new SourceText(path, builder.ToString(), narrow: null, hasBom, invalid.ToArray());
    }

    /// <summary>Valid UTF-8 whose characters are all in Latin-1, as a byte per character.</summary>
    [SkipLocalsInit]
    private static byte[] NarrowLatin1(ReadOnlySpan<byte> utf8)
    {
        var narrow = GC.AllocateUninitializedArray<byte>(StrictUtf8.GetCharCount(utf8));
        Span<char> chunk = stackalloc char[4096];
        var written = 0;
        while (!utf8.IsEmpty)
        {
            System.Text.Unicode.Utf8.ToUtf16(utf8, chunk, out var read, out var chars);
            written += Encoding.Latin1.GetBytes(chunk[..chars], narrow.AsSpan(written));
            utf8 = utf8[read..];
        }

        return narrow;
    }

    /// <summary>
    /// From this many bytes on, valid UTF-8 is decoded on every core: the start of a large lint runs on one core
    /// until the text exists, and writing the text (two bytes a character, in fresh memory) is most of that time.
    /// </summary>
    public const int ParallelDecodeThreshold = 1024 * 1024;

    /// <summary>
    /// Decodes valid UTF-8 in pieces cut before a byte that starts a character, each on its own core: first each
    /// piece is checked and its characters counted, then each is written into its place in the string. Null when
    /// a piece is not valid UTF-8 (then the caller decodes byte by byte and records what it replaced).
    /// </summary>
    private static unsafe string? TryDecodeInParallel(ReadOnlySpan<byte> bytes)
    {
        var pieceCount = Math.Min(Environment.ProcessorCount, bytes.Length / (ParallelDecodeThreshold / 2));
        var starts = new int[pieceCount + 1];
        starts[pieceCount] = bytes.Length;
        for (var piece = 1; piece < pieceCount; piece++)
        {
            var start = (int)((long)bytes.Length * piece / pieceCount);
            while (start < bytes.Length && (bytes[start] & 0xC0) == 0x80)
            {
                start++;
            }

            starts[piece] = start;
        }

        fixed (byte* first = bytes)
        {
            var input = (nint)first;
            var charCounts = new int[pieceCount];
            Parallel.For(0, pieceCount, piece =>
            {
                var chunk = Piece(input, starts, piece);
                charCounts[piece] = System.Text.Ascii.IsValid(chunk) ? chunk.Length
                    : System.Text.Unicode.Utf8.IsValid(chunk) ? StrictUtf8.GetCharCount(chunk)
                    : -1;
            });

            if (charCounts.Contains(-1))
            {
                return null;
            }

            var charStarts = new int[pieceCount + 1];
            for (var piece = 0; piece < pieceCount; piece++)
            {
                charStarts[piece + 1] = charStarts[piece] + charCounts[piece];
            }

            return string.Create(charStarts[pieceCount], (Input: input, Starts: starts, CharStarts: charStarts), static (text, state) =>
            {
                fixed (char* output = text)
                {
                    var target = (nint)output;
                    Parallel.For(0, state.Starts.Length - 1, piece =>
                    {
                        var length = state.CharStarts[piece + 1] - state.CharStarts[piece];
                        StrictUtf8.GetChars(Piece(state.Input, state.Starts, piece), new Span<char>((char*)target + state.CharStarts[piece], length));
                    });
                }
            });
        }

        static ReadOnlySpan<byte> Piece(nint input, int[] starts, int piece) =>
            new((byte*)input + starts[piece], starts[piece + 1] - starts[piece]);
    }

    /// <summary>The bytes to write back for <paramref name="newText"/>: UTF-8, with the BOM if the original had one.</summary>
    public byte[] Encode(string newText)
    {
        var body = StrictUtf8.GetBytes(newText);
        if (!HasBom)
        {
            return body;
        }

        var withBom = new byte[body.Length + 3];
        "\uFEFF"u8.CopyTo(withBom);
        body.CopyTo(withBom, 3);
        return withBom;
    }

    /// <summary>A new source for the same file with different text (same path, BOM preference).</summary>
    public SourceText WithText(string newText) => new(Path, newText, narrow: null, HasBom, []);

    private static int NextIndexOf<T>(ReadOnlySpan<T> text, T value, int previous)
        where T : IEquatable<T>
    {
        var next = text[(previous + 1)..].IndexOf(value);
        return next < 0 ? -1 : previous + 1 + next;
    }
}
