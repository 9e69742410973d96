using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Correctness;

/// <summary>An argument or block the component (or config block, or nested block) does not accept.</summary>
public sealed class AL104UnknownArgumentOrBlock : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL104",
        "unknown-argument-or-block",
        RuleCategory.Correctness,
        Severity.Error,
        "A block sets an argument or holds a block that its schema does not define.");

    public override void Check(LintContext context)
    {
        foreach (var body in context.Model.CheckedBodies)
        {
            CheckBody(context, body);
        }

        foreach (var (tree, body, where) in ModuleBodies(context))
        {
            // The statements themselves, not Body.Attributes: a large file's top level holds tens of thousands of blocks,
            // which OfType would pass through an interface one by one.
            foreach (var statement in body.Statements)
            {
                if (statement is not AttributeStatement attribute)
                {
                    continue;
                }

                context.Report(tree, attribute.Name.Span, $"unexpected attribute \"{attribute.Name.Name}\" at the top level of {where}: only components and config blocks belong here");
            }
        }
    }

    private static void CheckBody(LintContext context, CheckedBody body)
    {
        // Nearly every body is clean: seen by its statements' schemas alone, without reading its owner or syntax.
        if (!HasUnknownStatement(body))
        {
            return;
        }

        var tree = body.Owner.Tree;
        var isCustom = body.Owner is ComponentInstance { Declaration: not null };
        foreach (var statement in body.Statements)
        {
            if (statement.IsKnown || statement.Syntax is not AttributeStatement attribute)
            {
                continue;
            }

            var name = attribute.Name.Name;

            var message = body.Schema.FindBlock(name) is not null
                ? $"\"{name}\" is a block of {body.Where}, not an argument: write {name} {{ ... }}"
                : $"unknown argument \"{name}\" in {body.Where}{Hint(name, body.Schema.Attributes.Select(a => a.Name), isCustom ? "arguments (its argument blocks)" : "arguments")}";
            context.Report(tree, attribute.Name.Span, message);
        }

        foreach (var statement in body.Statements)
        {
            if (statement.IsKnown || statement.Syntax is not BlockStatement inner)
            {
                continue;
            }

            string message;
            if (body.Schema.FindAttribute(inner.Name) is not null)
            {
                message = $"\"{inner.Name}\" is an argument of {body.Where}, not a block: write {inner.Name} = ...";
            }
            else if (isCustom)
            {
                message = $"custom component {body.Owner.DisplayName} takes no blocks, only arguments ({Suggestions.List(body.Schema.Attributes.Select(a => a.Name))})";
            }
            else
            {
                message = $"unknown block \"{inner.Name}\" in {body.Where}{Hint(inner.Name, body.Schema.Blocks.Select(b => b.Name), "blocks")}";
            }

            context.Report(tree, inner.NameSpan, message);
        }
    }

    private static bool HasUnknownStatement(CheckedBody body)
    {
        foreach (var statement in body.Statements)
        {
            if (!statement.IsKnown)
            {
                return true;
            }
        }

        return false;
    }

    private static string Hint(string name, IEnumerable<string> valid, string what)
    {
        var names = valid.ToList();
        if (Suggestions.Closest(name, names) is { } match)
        {
            return $"; did you mean \"{match}\"?";
        }

        return names.Count == 0 ? $"; it accepts no {what}" : $"; valid {what}: {Suggestions.List(names)}";
    }

    /// <summary>The module-level bodies: each file's top level, every declare body and every foreach template.</summary>
    private static IEnumerable<(SyntaxTree Tree, Body Body, string Where)> ModuleBodies(LintContext context)
    {
        foreach (var tree in context.Trees)
        {
            yield return (tree, tree.Root, "the configuration");
        }

        foreach (var block in context.Model.AllBlocks)
        {
            if (block is not ConfigBlock)
            {
                continue;
            }

            if (block.Name == "declare")
            {
                yield return (block.Tree, block.Block.Body, block.DisplayName);
            }
            else if (block.Name == "foreach")
            {
                foreach (var template in block.Block.Body.Blocks.Where(inner => inner.Name == "template"))
                {
                    yield return (block.Tree, template.Body, $"the template of {block.DisplayName}");
                }
            }
        }
    }
}
