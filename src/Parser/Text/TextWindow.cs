using System.Buffers;

namespace AlloyLint.Parser.Text;

/// <summary>
/// The characters of a stretch of a source, from <see cref="Start"/> to <see cref="End"/>, copied as UTF-16 into a
/// buffer rented from the shared pool, for code that reads text a character at a time: the scanner, the grammar and
/// the formatter. Offsets stay the source's. Dispose it to give the buffer back.
/// </summary>
internal sealed class TextWindow : IDisposable
{
    private char[]? _buffer;

    public TextWindow(SourceText source, int start, int end)
    {
        Start = start;
        End = end;
        _buffer = ArrayPool<char>.Shared.Rent(end - start);
        source.CopyTo(start, _buffer.AsSpan(0, end - start));
    }

    /// <summary>A window over the whole of <paramref name="source"/>.</summary>
    public TextWindow(SourceText source)
        : this(source, 0, source.Length)
    {
    }

    public int Start { get; }

    public int End { get; }

    /// <summary>The buffer: the character at the source's offset <c>o</c> is at index <c>o - Start</c>.</summary>
    public char[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(TextWindow));

    public char this[int offset] => Buffer[offset - Start];

    public ReadOnlySpan<char> Slice(int start, int length) => Buffer.AsSpan(start - Start, length);

    public ReadOnlySpan<char> Slice(TextSpan span) => Slice(span.Start, span.Length);

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
