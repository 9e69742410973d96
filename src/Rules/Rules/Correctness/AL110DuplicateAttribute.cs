using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Engine;

namespace AlloyLint.Rules.Correctness;

/// <summary>The same attribute written twice in one block body: Alloy rejects it.</summary>
public sealed class AL110DuplicateAttribute : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL110",
        "duplicate-attribute",
        RuleCategory.Correctness,
        Severity.Error,
        "An attribute is set twice in the same block.");

    public override void Check(LintContext context)
    {
        foreach (var tree in context.Trees)
        {
            CheckBody(context, tree, tree.Root);
        }
    }

    /// <summary>Checks a body and, through its blocks, every body inside it (bodies only nest in blocks, never in expressions).</summary>
    private static void CheckBody(LintContext context, SyntaxTree tree, Body body)
    {
        var seen = new Dictionary<string, AttributeStatement>(StringComparer.Ordinal);
        foreach (var statement in body.Statements)
        {
            switch (statement)
            {
                case AttributeStatement attribute when seen.TryGetValue(attribute.Name.Name, out var first):
                    var at = tree.Source.GetPosition(first.Name.Span.Start);
                    context.Report(tree, attribute.Name.Span, $"attribute \"{attribute.Name.Name}\" is already set at line {at.Line}; remove one of them");
                    break;
                case AttributeStatement attribute:
                    seen.Add(attribute.Name.Name, attribute);
                    break;
                case BlockStatement block:
                    CheckBody(context, tree, block.Body);
                    break;
            }
        }
    }
}
