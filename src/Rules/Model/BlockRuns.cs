namespace AlloyLint.Rules.Model;

/// <summary>
/// Items grouped by the block each belongs to (by <see cref="ModelBlock.Index"/>), each block's items in their
/// original order, all in one exact-size array: a block's items are a slice of it, so no block needs a list of its own.
/// </summary>
internal sealed class BlockRuns<T>
{
    private readonly T[] _items;

    /// <summary>Where block i's run starts in <see cref="_items"/>; the last entry is the item count, where the last run ends.</summary>
    private readonly int[] _starts;

    /// <param name="items">The items, in the order each run keeps.</param>
    /// <param name="blockCount">How many blocks the model has.</param>
    /// <param name="blockOf">The block an item belongs to; null for an item that belongs to none (left out).</param>
    public BlockRuns(ReadOnlySpan<T> items, int blockCount, Func<T, ModelBlock?> blockOf)
    {
        // Count each block's items, then add up: _starts[i] is where block i's run ends.
        _starts = new int[blockCount + 1];
        foreach (var item in items)
        {
            if (blockOf(item) is { } block)
            {
                _starts[block.Index]++;
            }
        }

        var total = 0;
        for (var i = 0; i < _starts.Length; i++)
        {
            total += _starts[i];
            _starts[i] = total;
        }

        // Fill each run from its end, taking the items last to first: the runs keep the items' order, and each
        // _starts[i] moves back to where its run starts.
        _items = new T[total];
        for (var i = items.Length - 1; i >= 0; i--)
        {
            if (blockOf(items[i]) is { } block)
            {
                _items[--_starts[block.Index]] = items[i];
            }
        }
    }

    /// <summary>The items of <paramref name="block"/>, in their original order.</summary>
    public ArraySegment<T> this[ModelBlock block] => new(_items, _starts[block.Index], _starts[block.Index + 1] - _starts[block.Index]);
}
