using System.Buffers;
using System.Runtime.CompilerServices;

namespace AlloyLint.Parser.Formatting;

/// <summary>A growable run of characters, cleared and reused by the formatter stages between pieces of output.</summary>
/// <param name="fromPool">
/// Whether its arrays are rented from the shared pool, to be given back by <see cref="ReturnToPool"/> once the
/// output is printed: the stages printing the parts of a large file one after another then reuse a few arrays.
/// </param>
internal sealed class CharBuffer(int initialCapacity, bool fromPool = false)
{
    private const int ShortCopy = 8;

    private char[] _chars = fromPool ? ArrayPool<char>.Shared.Rent(initialCapacity) : new char[initialCapacity];

    public int Length { get; private set; }

    public Span<char> Chars => _chars.AsSpan(0, Length);

    /// <summary>What was appended, as memory (valid until the next append).</summary>
    public ReadOnlyMemory<char> Written => _chars.AsMemory(0, Length);

    public void Append(ReadOnlySpan<char> text)
    {
        if (Length + text.Length > _chars.Length)
        {
            Grow(text.Length);
        }

        Copy(text, _chars.AsSpan(Length));
        Length += text.Length;
    }

    /// <summary>
    /// Copies <paramref name="text"/> to the start of <paramref name="destination"/>. Most pieces the formatter moves
    /// are a few characters (a cell, a name): for those a loop costs less than a call to the general copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (text.Length > ShortCopy)
        {
            text.CopyTo(destination);
            return;
        }

        destination = destination[..text.Length];
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = text[i];
        }
    }

    public void Append(char ch)
    {
        if (Length == _chars.Length)
        {
            Grow(1);
        }

        _chars[Length++] = ch;
    }

    public void Append(char ch, int count)
    {
        if (count <= 0)
        {
            return;
        }

        if (Length + count > _chars.Length)
        {
            Grow(count);
        }

        _chars.AsSpan(Length, count).Fill(ch);
        Length += count;
    }

    public void Clear() => Length = 0;

    /// <summary>Gives a pooled buffer's array back to the pool; the buffer is empty and must not be used after.</summary>
    public void ReturnToPool()
    {
        if (fromPool)
        {
            ArrayPool<char>.Shared.Return(_chars);
            (_chars, Length) = ([], 0);
        }
    }

    private void Grow(int extra)
    {
        var capacity = Math.Max(_chars.Length * 2, Length + extra);
        if (!fromPool)
        {
            Array.Resize(ref _chars, capacity);
            return;
        }

        var larger = ArrayPool<char>.Shared.Rent(capacity);
        Chars.CopyTo(larger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = larger;
    }
}
