using System.Text;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Parser.Tests.Formatting;

/// <summary>
/// A rendering of a syntax tree without positions, for checking that formatting never changes the tree.
/// Literals keep their exact source text; an empty block label counts as no label (upstream's tree cannot
/// tell them apart and its printer drops it); comments are compared by their text, in order.
/// </summary>
internal static class TreeShape
{
    public static string Of(SyntaxTree tree)
    {
        var builder = new StringBuilder();
        foreach (var statement in tree.Root.Statements)
        {
            Statement(builder, statement);
        }

        foreach (var comment in tree.Comments)
        {
            builder.Append("\n# ").Append(comment.Text);
        }

        return builder.ToString();
    }

    private static void Statement(StringBuilder builder, Statement statement)
    {
        switch (statement)
        {
            case AttributeStatement attribute:
                builder.Append("(attr ").Append(attribute.Name.Name).Append(' ');
                Expression(builder, attribute.Value);
                builder.Append(')');
                break;
            case BlockStatement block:
                builder.Append("(block ").Append(block.Name);
                if (block.Label is { Value.Length: > 0 } label)
                {
                    builder.Append(" \"").Append(label.Value).Append('"');
                }

                foreach (var inner in block.Body.Statements)
                {
                    builder.Append(' ');
                    Statement(builder, inner);
                }

                builder.Append(')');
                break;
        }
    }

    private static void Expression(StringBuilder builder, Expression expression)
    {
        switch (expression)
        {
            case LiteralExpression literal:
                builder.Append(literal.Kind).Append(':').Append(literal.RawText);
                break;
            case IdentifierExpression identifier:
                builder.Append(identifier.Name);
                break;
            case ArrayExpression array:
                builder.Append('[');
                foreach (var element in array.Elements)
                {
                    Expression(builder, element);
                    builder.Append(' ');
                }

                builder.Append(']');
                break;
            case ObjectExpression obj:
                builder.Append('{');
                foreach (var field in obj.Fields)
                {
                    builder.Append(field.Quoted ? "q:" : "").Append(field.Key).Append('=');
                    Expression(builder, field.Value);
                    builder.Append(' ');
                }

                builder.Append('}');
                break;
            case AccessExpression access:
                builder.Append("(. ");
                Expression(builder, access.Target);
                builder.Append(' ').Append(access.Member.Name).Append(')');
                break;
            case IndexExpression index:
                builder.Append("(index ");
                Expression(builder, index.Target);
                builder.Append(' ');
                Expression(builder, index.Index);
                builder.Append(')');
                break;
            case CallExpression call:
                builder.Append("(call ");
                Expression(builder, call.Callee);
                foreach (var argument in call.Arguments)
                {
                    builder.Append(' ');
                    Expression(builder, argument);
                }

                builder.Append(')');
                break;
            case UnaryExpression unary:
                builder.Append('(').Append(unary.Operator).Append(' ');
                Expression(builder, unary.Operand);
                builder.Append(')');
                break;
            case BinaryExpression binary:
                builder.Append('(').Append(binary.Operator).Append(' ');
                Expression(builder, binary.Left);
                builder.Append(' ');
                Expression(builder, binary.Right);
                builder.Append(')');
                break;
            case ParenExpression paren:
                builder.Append("(paren ");
                Expression(builder, paren.Inner);
                builder.Append(')');
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(expression), expression.GetType().Name);
        }
    }
}
