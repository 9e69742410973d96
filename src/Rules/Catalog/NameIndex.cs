using System.Numerics;
using System.Runtime.CompilerServices;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Catalog;

/// <summary>
/// Named items (a schema's attributes or blocks, the standard library's entries) by name, in an open-addressed table
/// hashed on a name's length and three of its characters. The model looks up every statement of a large configuration
/// this way: a <see cref="Dictionary{TKey, TValue}"/> of strings hashes the whole name through an interface call,
/// several times the cost of this lookup, whose rare collisions (a schema has a few dozen names at most) cost one
/// more comparison.
/// </summary>
internal sealed class NameIndex<T>
    where T : class
{
    private readonly string?[] _names;
    private readonly T?[] _items;

    /// <summary>Per slot, the position of its item in the list indexed.</summary>
    private readonly int[] _positions;
    private readonly int _mask;

    /// <summary>
    /// Whether names are hashed on all their characters: for an index of more names than a catalog schema has (a
    /// <c>declare</c> may give thousands of arguments, often alike but for a number), which the few characters of the
    /// quick hash would pile up in a few slots.
    /// </summary>
    private readonly bool _hashesWholeNames;

    /// <summary>
    /// Per slot, the last string instance found there: the parser interns names, so the statements of a large file ask
    /// with a few instances, which then match by reference instead of by their characters. Any instance stored in a
    /// slot equals that slot's name (threads racing store one or the other), so a match by reference is a true match.
    /// </summary>
    private readonly string?[] _lastFound;

    /// <summary>Indexes <paramref name="items"/> by name; when a name is listed twice, the first one is kept.</summary>
    public NameIndex(IReadOnlyList<T> items, Func<T, string> nameOf)
    {
        // At most half full, so that a probe ends within a slot or two.
        var length = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, items.Count * 2));
        (_names, _items, _positions, _lastFound, _mask) = (new string?[length], new T?[length], new int[length], new string?[length], length - 1);
        _hashesWholeNames = items.Count > WholeNameHashAbove;
        for (var i = 0; i < items.Count; i++)
        {
            var name = nameOf(items[i]);
            var slot = Hash(name) & _mask;
            while (_names[slot] is { } taken && taken != name)
            {
                slot = (slot + 1) & _mask;
            }

            if (_names[slot] is null)
            {
                (_names[slot], _items[slot], _positions[slot]) = (name, items[i], i);
            }
        }
    }

    public T? Find(string name) => Slot(name) is var slot and >= 0 ? _items[slot] : null;

    /// <summary>The position of the item called <paramref name="name"/> in the list indexed (the first one when listed twice), or -1.</summary>
    public int PositionOf(string name) => Slot(name) is var slot and >= 0 ? _positions[slot] : -1;

    private int Slot(string name)
    {
        for (var slot = Hash(name) & _mask; _names[slot] is { } candidate; slot = (slot + 1) & _mask)
        {
            if (ReferenceEquals(_lastFound[slot], name))
            {
                return slot;
            }

            if (candidate == name)
            {
                _lastFound[slot] = name;
                return slot;
            }
        }

        return -1;
    }

    /// <summary>How many names an index may have and still hash them on a few characters (the catalog's largest schema has fewer).</summary>
    internal const int WholeNameHashAbove = 256;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Hash(string name) => _hashesWholeNames ? (int)TextHash.Add(TextHash.Start, name) : QuickHash(name);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int QuickHash(string name) =>
        name.Length == 0 ? 0 : (name.Length * 31) ^ (name[0] * 7) ^ (name[name.Length / 2] * 131) ^ (name[^1] * 1031);
}
