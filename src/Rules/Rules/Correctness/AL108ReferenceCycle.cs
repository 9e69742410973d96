using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Correctness;

/// <summary>
/// Components that reference each other in a loop (or a component that references itself): Alloy evaluates
/// components in dependency order and refuses a cycle.
/// </summary>
public sealed class AL108ReferenceCycle : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL108",
        "reference-cycle",
        RuleCategory.Correctness,
        Severity.Error,
        "Components reference each other in a cycle, or a component references itself.");

    public override void Check(LintContext context)
    {
        var model = context.Model;
        HashSet<ModelBlock>? reportedSelves = null;
        foreach (var reference in model.References)
        {
            if (reference is { Kind: ReferenceKind.Component, Owner: { } owner } && ReferenceEquals(owner, reference.Component) && (reportedSelves ??= []).Add(owner))
            {
                context.Report(owner, $"{owner.DisplayName} references itself ({reference.Text}); a component cannot read its own exports");
            }
        }

        foreach (var cycle in Cycles(model))
        {
            var ordered = cycle.OrderBy(block => block.Tree.Source.Path, StringComparer.Ordinal).ThenBy(block => block.Block.Span.Start).ToList();
            var message = $"reference cycle: {Path(WalkCycle(model, ordered[0], cycle))}";
            foreach (var member in ordered)
            {
                context.Report(member, message);
            }
        }
    }

    /// <summary>How many members of a cycle its message names before it says how many more there are.</summary>
    private const int MaxNamedMembers = 10;

    /// <summary>
    /// The walk back to its start, "a -> b -> c -> a"; a long one names its first <see cref="MaxNamedMembers"/>
    /// members, since every member's finding repeats the message.
    /// </summary>
    private static string Path(List<ModelBlock> walk)
    {
        var named = string.Join(" -> ", walk.Take(MaxNamedMembers).Select(block => block.Id));
        return walk.Count <= MaxNamedMembers
            ? $"{named} -> {walk[0].Id}"
            : $"{named} -> ... ({walk.Count - MaxNamedMembers} more) -> {walk[0].Id}";
    }

    /// <summary>
    /// The next block <paramref name="owner"/> depends on: the component named by its first reference from
    /// <paramref name="position"/> on that names another component (<paramref name="position"/> moves past it); null when none is left.
    /// </summary>
    private static ModelBlock? NextDependency(ReadOnlySpan<Reference> references, ModelBlock owner, ref int position)
    {
        while (position < references.Length)
        {
            if (references[position++] is { Kind: ReferenceKind.Component, Component: { } target } && !ReferenceEquals(target, owner))
            {
                return target;
            }
        }

        return null;
    }

    /// <summary>The members of a cycle in reference order, from <paramref name="first"/> following references that stay in the cycle.</summary>
    private static List<ModelBlock> WalkCycle(SemanticModel model, ModelBlock first, List<ModelBlock> cycle)
    {
        // By ModelBlock.Index: whether a block is in the cycle and not walked yet.
        var open = new bool[model.AllBlocks.Count];
        cycle.ForEach(member => open[member.Index] = true);
        open[first.Index] = false;
        var walk = new List<ModelBlock> { first };
        for (var current = first; NextInCycle(model.ReferencesIn(current), current, open) is { } next; current = next)
        {
            open[next.Index] = false;
            walk.Add(next);
        }

        return walk;
    }

    private static ModelBlock? NextInCycle(ReadOnlySpan<Reference> references, ModelBlock owner, bool[] open)
    {
        var position = 0;
        while (NextDependency(references, owner, ref position) is { } target)
        {
            if (open[target.Index])
            {
                return target;
            }
        }

        return null;
    }

    /// <summary>
    /// The cycles: the strongly connected components of two blocks or more, by Tarjan's algorithm, iterative, over the
    /// dependencies the blocks' own references make (read in place, not copied into a graph).
    /// </summary>
    private static List<List<ModelBlock>> Cycles(SemanticModel model)
    {
        var blocks = model.AllBlocks;

        // Tarjan's index of each block (its visiting order; -1 until reached), by ModelBlock.Index; the other per-block
        // state is kept by Tarjan's index.
        var orderOf = new int[blocks.Count];
        Array.Fill(orderOf, -1);
        var visited = 0;
        var low = new int[blocks.Count];
        var onStack = new bool[blocks.Count];
        var stack = new Stack<(ModelBlock Block, int Index)>();
        var work = new Stack<(ModelBlock Node, int Index, int Position)>();
        var cycles = new List<List<ModelBlock>>();
        foreach (var start in blocks)
        {
            // A block that references nothing is on no cycle: it is its own component, reached from others when they reference it.
            var first = 0;
            if (orderOf[start.Index] >= 0 || NextDependency(model.ReferencesIn(start), start, ref first) is null)
            {
                continue;
            }

            Visit(start);
            while (work.Count > 0)
            {
                var (node, index, position) = work.Pop();
                if (NextDependency(model.ReferencesIn(node), node, ref position) is { } target)
                {
                    work.Push((node, index, position));
                    var targetIndex = orderOf[target.Index];
                    if (targetIndex < 0)
                    {
                        Visit(target);
                    }
                    else if (onStack[targetIndex])
                    {
                        low[index] = Math.Min(low[index], targetIndex);
                    }

                    continue;
                }

                if (low[index] == index)
                {
                    // Only a component of two blocks or more is a cycle worth a list.
                    var cycle = stack.Peek().Index == index ? null : new List<ModelBlock>();
                    (ModelBlock Block, int Index) member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member.Index] = false;
                        cycle?.Add(member.Block);
                    }
                    while (member.Index != index);

                    if (cycle is not null)
                    {
                        cycles.Add(cycle);
                    }
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Index;
                    low[parent] = Math.Min(low[parent], low[index]);
                }
            }
        }

        return cycles;

        void Visit(ModelBlock block)
        {
            var index = visited++;
            orderOf[block.Index] = index;
            low[index] = index;
            onStack[index] = true;
            stack.Push((block, index));
            work.Push((block, index, 0));
        }
    }
}
