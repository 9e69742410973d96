using System.Collections;

namespace AlloyLint.Rules.Model;

/// <summary>
/// A read-only view of a list that <c>foreach</c> walks with the list's own struct enumerator. Typed as
/// <see cref="IReadOnlyList{T}"/>, the list would hand each loop a boxed enumerator and take every step through an
/// interface call: rules walk the model's lists of tens of thousands of blocks and references.
/// </summary>
public readonly struct ReadOnlyListView<T>(List<T> items) : IReadOnlyList<T>
{
    public int Count => items.Count;

    public T this[int index] => items[index];

    public List<T>.Enumerator GetEnumerator() => items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();
}
