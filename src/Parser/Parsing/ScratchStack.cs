using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Parser.Parsing;

/// <summary>
/// A parse's reused stack for the items of the lists being read: a list pushes its items and pops them when it ends,
/// so nested lists share one buffer instead of a builder each. Items are stored through a reference to the array's
/// data: a plain store into a <c>Statement[]</c> checks each item's type, as such an array could be an array of a subclass.
/// </summary>
internal sealed class ScratchStack<T>
{
    /// <summary>The most items a chunk that <see cref="PopList"/> stores lists in holds (8 KB of references).</summary>
    private const int MaxChunkLength = 1024;

    private T[] _items = new T[64];

    // The chunk that the lists PopList returns are stored in, one after another, and how much of it they fill.
    private T[] _chunk = [];
    private int _chunkUsed;

    public int Count { get; private set; }

    /// <summary>The item pushed last.</summary>
    public T Last => _items[Count - 1];

    public void Push(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count * 2);
        }

        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_items), Count++) = item;
    }

    /// <summary>Removes the items pushed since the count was <paramref name="mark"/> and returns them in order.</summary>
    public ImmutableArray<T> Pop(int mark)
    {
        var popped = _items.AsSpan(mark, Count - mark);
        if (popped.IsEmpty)
        {
            return [];
        }

        var items = popped.ToArray();
        popped.Clear();
        Count = mark;
        return ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    /// <summary>
    /// Removes the items pushed since the count was <paramref name="mark"/> and returns them in order as a list stored
    /// right after the lists popped before it: no array per list. A list that does not fit the rest of the chunk starts
    /// a new one, twice as long as the last up to <see cref="MaxChunkLength"/> (a small parse takes little), or gets
    /// an array of its own when it is longer than that.
    /// </summary>
    public NodeList<T> PopList(int mark)
    {
        var popped = _items.AsSpan(mark, Count - mark);
        if (popped.IsEmpty)
        {
            return default;
        }

        NodeList<T> list;
        if (popped.Length > MaxChunkLength)
        {
            list = new NodeList<T>(popped.ToArray(), 0, popped.Length);
        }
        else
        {
            if (popped.Length > _chunk.Length - _chunkUsed)
            {
                _chunk = new T[Math.Max(popped.Length, Math.Clamp(_chunk.Length * 2, 16, MaxChunkLength))];
                _chunkUsed = 0;
            }

            // Item by item: lists are short, and a bulk copy costs more to set up than it saves.
            ref var slot = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_chunk), _chunkUsed);
            for (var i = 0; i < popped.Length; i++)
            {
                Unsafe.Add(ref slot, i) = popped[i];
            }

            list = new NodeList<T>(_chunk, _chunkUsed, popped.Length);
            _chunkUsed += popped.Length;
        }

        popped.Clear();
        Count = mark;
        return list;
    }
}
