using System.Collections;

namespace AlloyLint.Rules.Model;

/// <summary>
/// A list that only grows at the end, held in fixed-size chunks: a large one is never copied to grow nor left up to
/// half empty, as a <see cref="List{T}"/> growing by doubling is. Chunks stay below the large object heap's threshold.
/// </summary>
internal sealed class ChunkedList<T> : IReadOnlyList<T>
{
    private const int ChunkLength = 1024;

    private readonly List<T[]> _chunks = [];

    public int Count { get; private set; }

    public T this[int index] =>
        (uint)index < (uint)Count ? _chunks[index / ChunkLength][index % ChunkLength] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(T item)
    {
        if (Count % ChunkLength == 0)
        {
            _chunks.Add(new T[ChunkLength]);
        }

        _chunks[^1][Count % ChunkLength] = item;
        Count++;
    }

    public IEnumerator<T> GetEnumerator()
    {
        var left = Count;
        foreach (var chunk in _chunks)
        {
            for (var i = 0; i < chunk.Length && left > 0; i++, left--)
            {
                yield return chunk[i];
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
