using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Correctness;

/// <summary>
/// A block that may appear only once is written again: a top-level config block such as <c>logging</c>,
/// <c>tracing</c> or <c>http</c>, or a nested block that is not repeatable (such as <c>client</c>).
/// </summary>
public sealed class AL112BlockOnce : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL112",
        "block-once",
        RuleCategory.Correctness,
        Severity.Error,
        "A block that may appear only once is given several times.");

    public override void Check(LintContext context)
    {
        var singletons = new List<ModelBlock>();
        foreach (var block in context.Model.AllBlocks)
        {
            if (block.Label is null && ModelSchemas.SchemaOf(block) is { IsConfigBlock: true, Repeatable: false })
            {
                singletons.Add(block);
            }
        }

        foreach (var group in singletons.GroupBy(block => (block.Scope, block.Name)))
        {
            var first = group.First();
            foreach (var again in group.Skip(1))
            {
                var at = first.Tree.Source.GetPosition(first.HeaderSpan.Start);
                context.Report(again, $"{again.Name} is already declared at {first.Tree.Source.Path}:{at}; it may appear only once");
            }
        }

        var firstByName = new Dictionary<string, BlockStatement>(StringComparer.Ordinal);
        foreach (var body in context.Model.CheckedBodies)
        {
            firstByName.Clear();
            foreach (var statement in body.Statements.Span)
            {
                if (statement is not { Block.Repeated: false, Syntax: BlockStatement inner })
                {
                    continue;
                }

                if (!firstByName.TryAdd(inner.Name, inner))
                {
                    var tree = body.Owner.Tree;
                    var at = tree.Source.GetPosition(firstByName[inner.Name].NameSpan.Start);
                    context.Report(tree, inner.NameSpan, $"block \"{inner.Name}\" may appear only once in {body.Where}; the first is at line {at.Line}");
                }
            }
        }
    }
}
