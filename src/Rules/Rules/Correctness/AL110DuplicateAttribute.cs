using System.Collections.Immutable;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Correctness;

/// <summary>The same attribute written twice in one block body: Alloy rejects it.</summary>
public sealed class AL110DuplicateAttribute : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL110",
        "duplicate-attribute",
        RuleCategory.Correctness,
        Severity.Error,
        "An attribute is set twice in the same block.")
    {
        ReadsOnlySyntax = true,
    };

    public override void Check(LintContext context)
    {
        foreach (var tree in context.Trees)
        {
            CheckBody(context, tree, tree.Root);
        }
    }

    /// <summary>
    /// Bodies with more statements than this index their attributes by name; smaller ones compare with the earlier
    /// statements, and only when a <see cref="NameFilter"/> says an equal name may come before.
    /// </summary>
    private const int LinearScanLimit = 16;

    /// <summary>Checks a body and, through its blocks, every body inside it (bodies only nest in blocks, never in expressions).</summary>
    private static void CheckBody(LintContext context, SyntaxTree tree, Body body)
    {
        var statements = body.Statements;
        var firstByName = statements.Length > LinearScanLimit ? new Dictionary<string, AttributeStatement>(StringComparer.Ordinal) : null;
        var names = default(NameFilter);
        for (var i = 0; i < statements.Length; i++)
        {
            switch (statements[i])
            {
                case AttributeStatement attribute:
                    var name = attribute.Name.Name;
                    var first = firstByName is not null ? (firstByName.TryAdd(name, attribute) ? null : firstByName[name])
                        : names.Add(name) ? FirstBefore(statements, i, name) : null;
                    if (first is not null)
                    {
                        var at = tree.Source.GetPosition(first.Name.Span.Start);
                        context.Report(tree, attribute.Name.Span, $"attribute \"{attribute.Name.Name}\" is already set at line {at.Line}; remove one of them");
                    }

                    break;
                case BlockStatement block:
                    CheckBody(context, tree, block.Body);
                    break;
            }
        }
    }

    private static AttributeStatement? FirstBefore(NodeList<Statement> statements, int end, string name)
    {
        for (var i = 0; i < end; i++)
        {
            if (statements[i] is AttributeStatement attribute && attribute.Name.Name == name)
            {
                return attribute;
            }
        }

        return null;
    }
}
