using AlloyLint.Parser.Text;

namespace AlloyLint.Parser.Tree;

/// <summary>An immutable node of the syntax tree. Its span covers exactly its source text.</summary>
public abstract class SyntaxNode
{
    public abstract TextSpan Span { get; }

    /// <summary>The direct children in source order.</summary>
    public abstract IEnumerable<SyntaxNode> ChildNodes();

    /// <summary>The error for a span a node cannot keep; built apart so that the constructors checking spans stay small.</summary>
    private protected static ArgumentException SpanError(TextSpan span, string what, string parameter) =>
        new($"The span {span} {what}.", parameter);

    /// <summary>This node and all nodes below it, depth first, in source order.</summary>
    public IEnumerable<SyntaxNode> DescendantsAndSelf() => Descendants([this]);

    /// <summary><paramref name="nodes"/> and all nodes below them, depth first, in source order.</summary>
    internal static IEnumerable<SyntaxNode> Descendants(IEnumerable<SyntaxNode> nodes)
    {
        var stack = new Stack<SyntaxNode>();
        var children = new List<SyntaxNode>(nodes);

        // One reused buffer instead of an array per node: pushed in reverse so that children come out in order.
        while (true)
        {
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }

            if (stack.Count == 0)
            {
                yield break;
            }

            var node = stack.Pop();
            yield return node;
            children.Clear();
            children.AddRange(node.ChildNodes());
        }
    }
}

/// <summary>A name with its span: an attribute name, a block name part, an object key written bare, an accessed member.</summary>
public readonly record struct Identifier(string Name, TextSpan Span);
