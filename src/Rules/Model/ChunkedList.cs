using System.Collections;
using System.Runtime.CompilerServices;

namespace AlloyLint.Rules.Model;

/// <summary>
/// A list that only grows at the end, held in fixed-size chunks: a large one is never copied to grow nor left up to
/// half empty, as a <see cref="List{T}"/> growing by doubling is. Chunks stay below the large object heap's threshold.
/// The first chunk starts small and doubles to the full length, so that a small configuration's lists stay small.
/// </summary>
public sealed class ChunkedList<T> : IReadOnlyList<T>
{
    private const int ChunkLength = 1024;
    private const int FirstChunkLength = 16;

    private readonly List<T[]> _chunks = [];

    public int Count { get; private set; }

    public T this[int index] =>
        (uint)index < (uint)Count ? _chunks[index / ChunkLength][index % ChunkLength] : throw new ArgumentOutOfRangeException(nameof(index));

    internal void Add(T item)
    {
        if (Count == 0)
        {
            _chunks.Add(new T[FirstChunkLength]);
        }
        else if (Count < ChunkLength && Count == _chunks[0].Length)
        {
            var first = _chunks[0];
            Array.Resize(ref first, Count * 2);
            _chunks[0] = first;
        }
        else if (Count % ChunkLength == 0)
        {
            _chunks.Add(new T[ChunkLength]);
        }

        _chunks[^1][Count % ChunkLength] = item;
        Count++;
    }

    /// <summary>Enumerates without allocating or calling through an interface: rules walk lists of a hundred thousand items.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the chunks one after another, so that a step reads the current chunk rather than finding it again.</summary>
    public struct Enumerator(ChunkedList<T> list) : IEnumerator<T>
    {
        private T[] _chunk = [];
        private int _index = -1;
        private int _inChunk = -1;

        public readonly T Current => _chunk[_inChunk];

        readonly object? IEnumerator.Current => Current;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MoveNext()
        {
            if (++_index >= list.Count)
            {
                return false;
            }

            // Every chunk but the last is full (the first grows to the full length before a second is added).
            if (++_inChunk == _chunk.Length)
            {
                (_chunk, _inChunk) = (list._chunks[_index / ChunkLength], 0);
            }

            return true;
        }

        public void Reset() => (_chunk, _index, _inChunk) = ([], -1, -1);

        public readonly void Dispose()
        {
        }
    }
}
