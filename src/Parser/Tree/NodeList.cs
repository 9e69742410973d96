using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AlloyLint.Parser.Tree;

/// <summary>
/// A list of nodes in the tree (a body's statements, a call's arguments, an array's elements, an object's fields):
/// a read-only run of an array, held inline by its node. The parser stores the lists of a parse one after another in
/// a few shared arrays, so a list costs no array of its own (24 bytes of header each). Indexing, slicing, <c>foreach</c>
/// and <see cref="AsSpan"/> allocate nothing; LINQ boxes the list.
/// </summary>
[CollectionBuilder(typeof(NodeList), nameof(NodeList.Create))]
public readonly struct NodeList<T> : IReadOnlyList<T>
{
    private const int RunLengthBits = 11;
    private const int WholeArray = -1;

    private readonly T[]? _items;
    private readonly int _start;

    /// <summary>The <paramref name="length"/> nodes of <paramref name="items"/> from <paramref name="start"/>, which must not change afterwards.</summary>
    internal NodeList(T[] items, int start, int length)
    {
        _items = items;
        _start = start;
        Length = length;
    }

    public int Length { get; }

    public bool IsEmpty => Length == 0;

    int IReadOnlyCollection<T>.Count => Length;

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Length)
            {
                ThrowOutOfRange(index);
            }

            return _items![_start + index];
        }
    }

    /// <summary>The nodes, as a list of <paramref name="items"/> (no copy).</summary>
    public static implicit operator NodeList<T>(ImmutableArray<T> items) =>
        items.IsDefaultOrEmpty ? default : new NodeList<T>(ImmutableCollectionsMarshal.AsArray(items)!, 0, items.Length);

    public ReadOnlySpan<T> AsSpan() => new(_items, _start, Length);

    /// <summary>
    /// The list in 12 bytes rather than 16, for the nodes that hold one beside an int (<see cref="Unpack"/> reads it
    /// back): the array, and the run in it as its start (20 bits) and length (11 bits), or <see cref="WholeArray"/>.
    /// A run too far into its array or too long (no list the parser stores in a shared chunk) is copied to an array of its own.
    /// </summary>
    internal (T[]? Items, int Run) Pack() =>
        _items is null ? (null, 0)
        : _start == 0 && Length == _items.Length ? (_items, WholeArray)
        : _start < 1 << 20 && Length < 1 << RunLengthBits ? (_items, (_start << RunLengthBits) | Length)
        : (AsSpan().ToArray(), WholeArray);

    internal static NodeList<T> Unpack(T[]? items, int run) =>
        items is null ? default
        : run == WholeArray ? new NodeList<T>(items, 0, items.Length)
        : new NodeList<T>(items, run >>> RunLengthBits, run & ((1 << RunLengthBits) - 1));

    /// <summary>Where <paramref name="item"/> is in the list (nodes compare by reference), or -1.</summary>
    public int IndexOf(T item) => Length == 0 ? -1 : Math.Max(Array.IndexOf(_items!, item, _start, Length) - _start, -1);

    /// <summary>The <paramref name="length"/> nodes from <paramref name="start"/> (what <c>list[a..b]</c> calls).</summary>
    public NodeList<T> Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)start, (uint)Length, nameof(start));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)length, (uint)(Length - start), nameof(length));
        return length == 0 ? default : new NodeList<T>(_items!, _start + start, length);
    }

    public Enumerator GetEnumerator() => new(_items, _start, Length);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => Boxed();

    IEnumerator IEnumerable.GetEnumerator() => Boxed();

    // Apart, so that the indexer is small enough to be inlined.
    private void ThrowOutOfRange(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, $"The list has {Length} nodes.");

    private IEnumerator<T> Boxed()
    {
        for (var i = 0; i < Length; i++)
        {
            yield return _items![_start + i];
        }
    }

    /// <summary>What <c>foreach</c> uses: no allocation, and (unlike a span's) usable in iterators.</summary>
    public struct Enumerator
    {
        private readonly T[]? _items;
        private readonly int _end;
        private int _index;

        internal Enumerator(T[]? items, int start, int length)
        {
            _items = items;
            _index = start - 1;
            _end = start + length;
        }

        public readonly T Current => _items![_index];

        public bool MoveNext() => ++_index < _end;
    }
}

/// <summary>Builds a <see cref="NodeList{T}"/> from a collection expression such as <c>[]</c> or <c>[a, b]</c>.</summary>
public static class NodeList
{
    public static NodeList<T> Create<T>(ReadOnlySpan<T> items) =>
        items.IsEmpty ? default : new NodeList<T>(items.ToArray(), 0, items.Length);
}
