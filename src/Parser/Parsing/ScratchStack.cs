using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AlloyLint.Parser.Parsing;

/// <summary>
/// A parse's reused stack for the items of the lists being read: a list pushes its items and pops them into one
/// exact-size array when it ends, so nested lists share one buffer instead of a builder each. Items are stored
/// through a reference to the array's data: a plain store into a <c>Statement[]</c> checks each item's type, as
/// such an array could be an array of a subclass.
/// </summary>
internal sealed class ScratchStack<T>
{
    private T[] _items = new T[64];

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
}
