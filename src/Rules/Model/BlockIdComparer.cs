using System.Runtime.CompilerServices;

namespace AlloyLint.Rules.Model;

/// <summary>
/// Compares blocks by <see cref="ModelBlock.Id"/>, and finds them in a set by the ID's text (the <c>prometheus.scrape.default</c>
/// of a reference), without building an ID string per block.
/// </summary>
internal sealed class BlockIdComparer<TBlock> : IEqualityComparer<TBlock>, IAlternateEqualityComparer<ReadOnlySpan<char>, TBlock>
    where TBlock : ModelBlock
{
    public static readonly BlockIdComparer<TBlock> Instance = new();

    // SkipLocalsInit: an ID is written into its buffer before it is read; clearing 256 bytes per comparison is wasted.
    [SkipLocalsInit]
    public bool Equals(TBlock? x, TBlock? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.HasId(y.IdText(stackalloc char[ModelBlock.IdBufferLength])));

    // The hash of an ID's text, from the name and label without joining them (TextHash hashes text given in pieces).
    public int GetHashCode(TBlock block) =>
        (int)(block.Label is { } label ? TextHash.Add(TextHash.Add(TextHash.Add(TextHash.Start, block.Name), '.'), label) : TextHash.Add(TextHash.Start, block.Name));

    public bool Equals(ReadOnlySpan<char> id, TBlock block) => block.HasId(id);

    public int GetHashCode(ReadOnlySpan<char> id) => (int)TextHash.Add(TextHash.Start, id);

    /// <summary>Not supported: the sets hold blocks of the model, never blocks made from an ID.</summary>
    public TBlock Create(ReadOnlySpan<char> id) => throw new NotSupportedException("A block cannot be made from its ID.");
}
