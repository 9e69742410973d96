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
        var dependsOn = new Dictionary<ModelBlock, List<ModelBlock>>();
        foreach (var reference in context.Model.References)
        {
            if (reference is { Kind: ReferenceKind.Component, Owner: { } owner, Component: { } target })
            {
                if (ReferenceEquals(owner, target))
                {
                    continue;
                }

                if (!dependsOn.TryGetValue(owner, out var targets))
                {
                    dependsOn[owner] = targets = [];
                }

                if (!targets.Contains(target))
                {
                    targets.Add(target);
                }
            }
        }

        foreach (var self in context.Model.References
            .Where(reference => reference is { Kind: ReferenceKind.Component } && ReferenceEquals(reference.Owner, reference.Component))
            .DistinctBy(reference => reference.Owner))
        {
            context.Report(self.Owner!, $"{self.Owner!.DisplayName} references itself ({self.Text}); a component cannot read its own exports");
        }

        foreach (var cycle in StronglyConnected(context.Model.AllBlocks, dependsOn).Where(component => component.Count > 1))
        {
            var ordered = cycle.OrderBy(block => block.Tree.Source.Path, StringComparer.Ordinal).ThenBy(block => block.Block.Span.Start).ToList();
            var path = string.Join(" -> ", WalkCycle(ordered[0], cycle, dependsOn).Select(block => block.Id).Append(ordered[0].Id));
            foreach (var member in ordered)
            {
                context.Report(member, $"reference cycle: {path}");
            }
        }
    }

    /// <summary>The members of a cycle in reference order, from <paramref name="first"/> following references that stay in the cycle.</summary>
    private static List<ModelBlock> WalkCycle(ModelBlock first, List<ModelBlock> cycle, Dictionary<ModelBlock, List<ModelBlock>> dependsOn)
    {
        var walk = new List<ModelBlock> { first };
        for (var current = first; dependsOn[current].FirstOrDefault(target => cycle.Contains(target) && !walk.Contains(target)) is { } next; current = next)
        {
            walk.Add(next);
        }

        return walk;
    }

    /// <summary>Tarjan's algorithm, iterative, over the dependency edges.</summary>
    private static List<List<ModelBlock>> StronglyConnected(IReadOnlyList<ModelBlock> nodes, Dictionary<ModelBlock, List<ModelBlock>> edges)
    {
        var index = new Dictionary<ModelBlock, int>();
        var low = new Dictionary<ModelBlock, int>();
        var onStack = new HashSet<ModelBlock>();
        var stack = new Stack<ModelBlock>();
        var result = new List<List<ModelBlock>>();
        var work = new Stack<(ModelBlock Node, int Edge)>();
        var next = 0;
        foreach (var start in nodes)
        {
            // A block that references nothing is on no cycle: it is its own component, reached from others when they reference it.
            if (!edges.ContainsKey(start) || index.ContainsKey(start))
            {
                continue;
            }

            work.Push((start, 0));
            index[start] = low[start] = next++;
            stack.Push(start);
            onStack.Add(start);
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                var targets = edges.GetValueOrDefault(node);
                if (targets is not null && edge < targets.Count)
                {
                    work.Push((node, edge + 1));
                    var target = targets[edge];
                    if (!index.ContainsKey(target))
                    {
                        index[target] = low[target] = next++;
                        stack.Push(target);
                        onStack.Add(target);
                        work.Push((target, 0));
                    }
                    else if (onStack.Contains(target))
                    {
                        low[node] = Math.Min(low[node], index[target]);
                    }

                    continue;
                }

                if (low[node] == index[node])
                {
                    var component = new List<ModelBlock>();
                    ModelBlock member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (!ReferenceEquals(member, node));
                    result.Add(component);
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }

        return result;
    }
}
