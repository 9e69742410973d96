using System.Runtime.InteropServices;

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
public sealed record PipelineEdge(ModelBlock From, ModelBlock To, EdgeKind Kind, Reference Reference);

/// <summary>Which block feeds which, derived from the references between components and configuration blocks.</summary>
public sealed class PipelineGraph
{
    /// <summary>Exports that receive data: a reference to one sends the referencing block's output there.</summary>
    public static readonly IReadOnlySet<string> ConsumerExports = new HashSet<string>(StringComparer.Ordinal) { "receiver", "input" };

    /// <summary>Exports that provide data: a reference to one feeds the referencing block.</summary>
    public static readonly IReadOnlySet<string> ProducerExports = new HashSet<string>(StringComparer.Ordinal) { "targets", "output" };

    private static readonly IReadOnlyList<PipelineEdge> NoEdges = [];

    /// <summary>The edges at each block that has any: one entry per block for both directions.</summary>
    private readonly Dictionary<ModelBlock, BlockEdges> _edgesAt;

    internal PipelineGraph(IEnumerable<Reference> references)
    {
        var edges = new List<PipelineEdge>();
        foreach (var reference in references)
        {
            if (reference is not { Kind: ReferenceKind.Component, Owner: { } owner, Component: { } component } || ReferenceEquals(owner, component))
            {
                continue;
            }

            var edge = reference.Export switch
            {
                { } export when ConsumerExports.Contains(export) => new PipelineEdge(owner, component, EdgeKind.Data, reference),
                { } export when ProducerExports.Contains(export) => new PipelineEdge(component, owner, EdgeKind.Data, reference),
                _ => new PipelineEdge(owner, component, EdgeKind.Dependency, reference),
            };
            edges.Add(edge);
        }

        // Each edge has two ends: room for that many blocks spares the dictionary from growing by doubling.
        _edgesAt = new(2 * edges.Count);
        foreach (var edge in edges)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_edgesAt, edge.From, out _).OutgoingLeft++;
            CollectionsMarshal.GetValueRefOrAddDefault(_edgesAt, edge.To, out _).IncomingLeft++;
        }

        // Now that each block's edges are counted, each direction fills an array of the right size, in edge order.
        foreach (var edge in edges)
        {
            ref var from = ref CollectionsMarshal.GetValueRefOrNullRef(_edgesAt, edge.From);
            Append(ref from.Outgoing, ref from.OutgoingLeft, edge);
            ref var to = ref CollectionsMarshal.GetValueRefOrNullRef(_edgesAt, edge.To);
            Append(ref to.Incoming, ref to.IncomingLeft, edge);
        }

        Edges = edges;
    }

    public IReadOnlyList<PipelineEdge> Edges { get; }

    /// <summary>The edges leaving <paramref name="block"/> (data and dependency).</summary>
    public IReadOnlyList<PipelineEdge> Outgoing(ModelBlock block) => _edgesAt.GetValueOrDefault(block).Outgoing ?? NoEdges;

    /// <summary>The edges arriving at <paramref name="block"/> (data and dependency).</summary>
    public IReadOnlyList<PipelineEdge> Incoming(ModelBlock block) => _edgesAt.GetValueOrDefault(block).Incoming ?? NoEdges;

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
        Func<ModelBlock, IReadOnlyList<PipelineEdge>> edgesOf,
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

    /// <summary>Puts <paramref name="edge"/> after those already in <paramref name="edges"/>, sized on first use for the <paramref name="left"/> still to come.</summary>
    private static void Append(ref PipelineEdge[]? edges, ref int left, PipelineEdge edge)
    {
        edges ??= new PipelineEdge[left];
        edges[edges.Length - left] = edge;
        left--;
    }

    /// <summary>The edges leaving and arriving at one block (null for a direction without any); while the graph is built, how many are left to fill in.</summary>
    private struct BlockEdges
    {
        public PipelineEdge[]? Outgoing;
        public PipelineEdge[]? Incoming;
        public int OutgoingLeft;
        public int IncomingLeft;
    }
}
