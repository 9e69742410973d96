using System.Runtime.CompilerServices;

namespace AlloyLint.Parser.Formatting;

/// <summary>A growable run of characters, cleared and reused by the formatter stages between pieces of output.</summary>
internal sealed class CharBuffer(int initialCapacity)
{
    private const int ShortCopy = 8;

    private char[] _chars = new char[initialCapacity];

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

    private void Grow(int extra) => Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + extra));
}
