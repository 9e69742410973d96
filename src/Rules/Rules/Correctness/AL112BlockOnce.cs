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
                context.Report(again, $"{again.Name} is already declared at {first.HeaderLocation}; it may appear only once");
            }
        }

        // The first statement of each block schema met in a body. Blocks of one name share their schema, so blocks are
        // told apart by schema, without reading their syntax; a body's schema has a few dozen blocks at most.
        var firsts = new List<CheckedStatement>();
        foreach (var body in context.Model.CheckedBodies)
        {
            firsts.Clear();
            foreach (var statement in body.Statements)
            {
                if (statement.Block is not { Repeated: false } schema)
                {
                    continue;
                }

                if (FirstOf(firsts, schema) is not { } first)
                {
                    firsts.Add(statement);
                    continue;
                }

                var (tree, inner) = (body.Owner.Tree, (BlockStatement)statement.Syntax);
                var at = tree.Source.GetPosition(((BlockStatement)first.Syntax).NameSpan.Start);
                context.Report(tree, inner.NameSpan, $"block \"{inner.Name}\" may appear only once in {body.Where}; the first is at line {at.Line}");
            }
        }
    }

    private static CheckedStatement? FirstOf(List<CheckedStatement> firsts, BlockSchema schema)
    {
        foreach (var first in firsts)
        {
            if (ReferenceEquals(first.Block, schema))
            {
                return first;
            }
        }

        return null;
    }
}
