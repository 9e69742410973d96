using System.Text;

namespace AlloyLint.Parser.Text;

/// <summary>
/// The decoded text of one file, kept exactly (less a leading UTF-8 BOM, which is remembered) so that
/// fixes can be applied to it and written back with the same encoding and line endings.
/// </summary>
public sealed class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private LineMap? _lines;
    private string? _lineEnding;

    private SourceText(string path, string text, bool hasBom, int[] invalidUtf8Offsets)
    {
        Path = path;
        Text = text;
        HasBom = hasBom;
        InvalidUtf8Offsets = invalidUtf8Offsets;
    }

    /// <summary>The path as the user named it (or a display name such as "&lt;stdin&gt;").</summary>
    public string Path { get; }

    /// <summary>The text without the leading BOM. All spans are offsets into this string.</summary>
    public string Text { get; }

    public bool HasBom { get; }

    /// <summary>Offsets of U+FFFD characters that replaced invalid UTF-8 bytes (one per invalid byte).</summary>
    public IReadOnlyList<int> InvalidUtf8Offsets { get; }

    public int Length => Text.Length;

    public LineMap Lines => _lines ??= new LineMap(Text);

    /// <summary>"\r\n" when most line breaks are CRLF, else "\n".</summary>
    public string LineEnding => _lineEnding ??= CountLineEndings();

    private string CountLineEndings()
    {
        var span = Text.AsSpan();
        if (!span.Contains('\r'))
        {
            return "\n";
        }

        int lf = 0, crlf = 0;
        for (var i = span.IndexOf('\n'); i >= 0; i = NextNewline(span, i))
        {
            if (i > 0 && span[i - 1] == '\r')
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

    public string this[TextSpan span] => Text.Substring(span.Start, span.Length);

    public LinePosition GetPosition(int offset) => Lines.GetPosition(offset);

    public static SourceText From(string text, string path = "<input>") => new(path, text, hasBom: false, []);

    /// <summary>Decodes UTF-8 bytes. Never throws: each invalid byte becomes U+FFFD and is recorded.</summary>
    public static SourceText Decode(ReadOnlySpan<byte> bytes, string path)
    {
        var hasBom = bytes.StartsWith("\uFEFF"u8);
        if (hasBom)
        {
            bytes = bytes[3..];
        }

        if (bytes.Length >= ParallelDecodeThreshold && TryDecodeInParallel(bytes) is { } decoded)
        {
            return new SourceText(path, decoded, hasBom, []);
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return new SourceText(path, StrictUtf8.GetString(bytes), hasBom, []);
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

        return new SourceText(path, builder.ToString(), hasBom, invalid.ToArray());
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
    public SourceText WithText(string newText) => new(Path, newText, HasBom, []);

    private static int NextNewline(ReadOnlySpan<char> span, int previous)
    {
        var next = span[(previous + 1)..].IndexOf('\n');
        return next < 0 ? -1 : previous + 1 + next;
    }
}
