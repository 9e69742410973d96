namespace AlloyLint.Rules.Model;

public enum EdgeKind
{
    /// <summary>Telemetry flows along the edge (<c>forward_to</c>, <c>write_to</c>, <c>output { ... }</c>, <c>targets</c>).</summary>
    Data,

    /// <summary>The source only uses a value of the target (an auth <c>handler</c>, relabel <c>rules</c>, file <c>content</c>).</summary>
    Dependency,
}

/// <summary>
/// One edge of the pipeline, in the direction data flows: for <c>forward_to = [b.receiver]</c> written in a,
/// <see cref="From"/> is a and <see cref="To"/> is b; for <c>targets = e.targets</c> written in s, From is e and To is s.
/// </summary>
/// <remarks>
/// The reference says all of it (its owner, the component it names and the export), so an edge is that reference and
/// no object of its own: a large configuration has tens of thousands.
/// </remarks>
public readonly struct PipelineEdge
{
    /// <param name="reference">A reference from a block to another component.</param>
    internal PipelineEdge(Reference reference) => Reference = reference;

    /// <summary>The reference the edge comes from, written in one end and naming the other.</summary>
    public Reference Reference { get; }

    /// <summary>The block data comes from.</summary>
    public ModelBlock From => IsToOwner ? Reference.Component! : Reference.Owner!;

    /// <summary>The block data goes to.</summary>
    public ModelBlock To => IsToOwner ? Reference.Owner! : Reference.Component!;

    /// <summary>Data for exports that receive (<c>receiver</c>, <c>input</c>) or provide it (<c>targets</c>, <c>output</c>); a dependency for any other.</summary>
    public EdgeKind Kind => Reference.Export is "receiver" or "input" or "targets" or "output" ? EdgeKind.Data : EdgeKind.Dependency;

    // An export that provides data feeds the block that references it.
    private bool IsToOwner => Reference.Export is "targets" or "output";
}

/// <summary>Which block feeds which, derived from the references between components and configuration blocks.</summary>
public sealed class PipelineGraph
{
    private readonly BlockRuns<PipelineEdge> _outgoing;
    private readonly BlockRuns<PipelineEdge> _incoming;

    internal PipelineGraph(ReadOnlySpan<Reference> references, int blockCount)
    {
        var count = 0;
        foreach (var reference in references)
        {
            if (IsEdge(reference))
            {
                count++;
            }
        }

        var edges = new PipelineEdge[count];
        count = 0;
        foreach (var reference in references)
        {
            if (!IsEdge(reference))
            {
                continue;
            }

            edges[count++] = new PipelineEdge(reference);
        }

        _outgoing = new(edges, blockCount, static edge => edge.From);
        _incoming = new(edges, blockCount, static edge => edge.To);
    }

    /// <summary>The edges leaving <paramref name="block"/> (data and dependency), in the order of their references.</summary>
    public ArraySegment<PipelineEdge> Outgoing(ModelBlock block) => _outgoing[block];

    /// <summary>The edges arriving at <paramref name="block"/> (data and dependency), in the order of their references.</summary>
    public ArraySegment<PipelineEdge> Incoming(ModelBlock block) => _incoming[block];

    /// <summary>
    /// Every block data from <paramref name="from"/> reaches, nearest first (not <paramref name="from"/> itself unless on a
    /// cycle): along data edges accepted by <paramref name="follow"/> (all when null; e.g. only <c>output.metrics</c>), going
    /// on only from blocks accepted by <paramref name="canPassThrough"/> (all when null).
    /// </summary>
    public IEnumerable<ModelBlock> Downstream(ModelBlock from, Func<PipelineEdge, bool>? follow = null, Func<ModelBlock, bool>? canPassThrough = null) =>
        Walk(from, Outgoing, edge => edge.To, follow, canPassThrough);

    /// <summary>Every block whose data reaches <paramref name="to"/>, nearest first; the filters work as in <see cref="Downstream"/>.</summary>
    public IEnumerable<ModelBlock> Upstream(ModelBlock to, Func<PipelineEdge, bool>? follow = null, Func<ModelBlock, bool>? canPassThrough = null) =>
        Walk(to, Incoming, edge => edge.From, follow, canPassThrough);

    /// <summary>
    /// The shortest data path from <paramref name="from"/> to a block matching <paramref name="isTarget"/>, both ends included,
    /// passing only through blocks accepted by <paramref name="canPassThrough"/> (any block when null) and along data edges accepted
    /// by <paramref name="follow"/> (any when null); null when there is none.
    /// </summary>
    public IReadOnlyList<ModelBlock>? FindPath(
        ModelBlock from,
        Func<ModelBlock, bool> isTarget,
        Func<ModelBlock, bool>? canPassThrough = null,
        Func<PipelineEdge, bool>? follow = null)
    {
        var previous = new Dictionary<ModelBlock, ModelBlock?> { [from] = null };
        var queue = new Queue<ModelBlock>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var edge in Outgoing(current))
            {
                if (edge.Kind != EdgeKind.Data || (follow is not null && !follow(edge)) || previous.ContainsKey(edge.To))
                {
                    continue;
                }

                previous[edge.To] = current;
                if (isTarget(edge.To))
                {
                    var path = new List<ModelBlock>();
                    for (ModelBlock? step = edge.To; step is not null; step = previous[step])
                    {
                        path.Add(step);
                    }

                    path.Reverse();
                    return path;
                }

                if (canPassThrough is null || canPassThrough(edge.To))
                {
                    queue.Enqueue(edge.To);
                }
            }
        }

        return null;
    }

    /// <summary>Whether data from <paramref name="from"/> reaches a block matching <paramref name="isTarget"/> (see <see cref="FindPath"/>).</summary>
    public bool Reaches(ModelBlock from, Func<ModelBlock, bool> isTarget, Func<ModelBlock, bool>? canPassThrough = null, Func<PipelineEdge, bool>? follow = null) =>
        FindPath(from, isTarget, canPassThrough, follow) is not null;

    private static IEnumerable<ModelBlock> Walk(
        ModelBlock start,
        Func<ModelBlock, ArraySegment<PipelineEdge>> edgesOf,
        Func<PipelineEdge, ModelBlock> next,
        Func<PipelineEdge, bool>? follow,
        Func<ModelBlock, bool>? canPassThrough)
    {
        var seen = new HashSet<ModelBlock>();
        var queue = new Queue<ModelBlock>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            foreach (var edge in edgesOf(queue.Dequeue()))
            {
                var block = next(edge);
                if (edge.Kind == EdgeKind.Data && (follow is null || follow(edge)) && seen.Add(block))
                {
                    yield return block;
                    if (canPassThrough is null || canPassThrough(block))
                    {
                        queue.Enqueue(block);
                    }
                }
            }
        }
    }

    /// <summary>A reference from a block to another component: an edge of the graph.</summary>
    private static bool IsEdge(Reference reference) =>
        reference is { Kind: ReferenceKind.Component, Owner: { } owner, Component: { } component } && !ReferenceEquals(owner, component);
}
