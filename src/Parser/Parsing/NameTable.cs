using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace AlloyLint.Parser.Parsing;

/// <summary>
/// Hands out one string per distinct short token text (names, small literals repeat a lot in configs), so a parse
/// allocates each such string once rather than once per occurrence.
/// </summary>
/// <remarks>
/// Every name and literal of a file passes through here, so the table is a hash set of its own rather than a
/// dictionary: one open-addressed array of the strings alone (a parse task of a large file holds tens of thousands in
/// a table kept half empty, so stored hashes would double it), a hash that reads four characters at a time, and no
/// comparer calls.
/// Interning only saves memory, so a text whose probe runs long (many colliding names, as hostile input could
/// make) is handed out as a new string instead: a lookup never costs more than <see cref="MaxProbes"/> compares.
/// </remarks>
internal sealed class NameTable
{
    private const int MaxInternedLength = 64;
    private const int MaxProbes = 32;

    private string?[] _entries = new string?[256];
    private int _count;

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxInternedLength)
        {
            return text.ToString();
        }

        var hash = Hash(text);
        var mask = _entries.Length - 1;
        var index = hash & mask;
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            var entry = _entries[index];
            if (entry is null)
            {
                return Add(index, text);
            }

            if (entry.Length == text.Length && text.SequenceEqual(entry))
            {
                return entry;
            }

            index = (index + 1) & mask;
        }

        return text.ToString();
    }

    private string Add(int index, ReadOnlySpan<char> text)
    {
        var value = text.ToString();
        _entries[index] = value;
        // At most half full, so that probe runs stay short.
        if (++_count * 2 > _entries.Length)
        {
            Grow();
        }

        return value;
    }

    private void Grow()
    {
        var entries = new string?[_entries.Length * 2];
        var mask = entries.Length - 1;
        foreach (var entry in _entries)
        {
            if (entry is null)
            {
                continue;
            }

            var index = Hash(entry) & mask;
            while (entries[index] is not null)
            {
                index = (index + 1) & mask;
            }

            entries[index] = entry;
        }

        _entries = entries;
    }

    /// <summary>Four characters (eight bytes) per step, then the rest; the result's low bits depend on every character.</summary>
    private static int Hash(ReadOnlySpan<char> text)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var bytes = MemoryMarshal.AsBytes(text);
        var hash = (ulong)bytes.Length;
        while (bytes.Length >= sizeof(ulong))
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Multiplier, 29);
            bytes = bytes[sizeof(ulong)..];
        }

        if (bytes.Length >= sizeof(uint))
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt32LittleEndian(bytes)) * Multiplier, 29);
            bytes = bytes[sizeof(uint)..];
        }

        if (bytes.Length > 0)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt16LittleEndian(bytes)) * Multiplier, 29);
        }

        hash *= Multiplier;
        return (int)(hash >> 33);
    }
}
