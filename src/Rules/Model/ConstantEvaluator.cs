using System.Collections.Immutable;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Model;

/// <summary>
/// Evaluates expressions made only of literals, lists, objects, parentheses and operators. Anything that needs
/// the runtime (a reference, a call such as <c>sys.env("X")</c>) makes the result null: not constant.
/// </summary>
public static class ConstantEvaluator
{
    public static AlloyValue? Evaluate(Expression expression) => expression switch
    {
        LiteralExpression literal => EvaluateLiteral(literal),
        ParenExpression paren => Evaluate(paren.Inner),
        ArrayExpression array => EvaluateAll(array.Elements) is { } items ? new AlloyArray(items) : null,
        ObjectExpression obj => EvaluateObject(obj),
        UnaryExpression unary => EvaluateUnary(unary.Operator, Evaluate(unary.Operand)),
        BinaryExpression binary => EvaluateBinary(binary.Operator, Evaluate(binary.Left), Evaluate(binary.Right)),
        _ => null,
    };

    /// <summary>The constant string value of <paramref name="expression"/>, or null.</summary>
    public static string? EvaluateString(Expression expression) => (Evaluate(expression) as AlloyString)?.Value;

    /// <summary>True when the expression is a constant: nothing in it is read at run time.</summary>
    public static bool IsConstant(Expression expression) => Evaluate(expression) is not null;

    private static AlloyValue? EvaluateLiteral(LiteralExpression literal) => literal.Kind switch
    {
        LiteralKind.String => AlloyLiterals.Unquote(literal.RawText) is { } text ? new AlloyString(text) : null,
        LiteralKind.Number => new AlloyNumber(AlloyLiterals.ParseNumber(literal.RawText)),
        LiteralKind.Float => new AlloyNumber(AlloyLiterals.ParseFloat(literal.RawText)),
        LiteralKind.Bool => new AlloyBool(literal.RawText == "true"),
        _ => AlloyNull.Instance,
    };

    private static ImmutableArray<AlloyValue>? EvaluateAll(NodeList<Expression> expressions)
    {
        var builder = ImmutableArray.CreateBuilder<AlloyValue>(expressions.Length);
        foreach (var expression in expressions)
        {
            if (Evaluate(expression) is not { } value)
            {
                return null;
            }

            builder.Add(value);
        }

        return builder.MoveToImmutable();
    }

    private static AlloyObject? EvaluateObject(ObjectExpression obj)
    {
        var builder = ImmutableArray.CreateBuilder<KeyValuePair<string, AlloyValue>>(obj.Fields.Length);
        foreach (var field in obj.Fields)
        {
            if (Evaluate(field.Value) is not { } value)
            {
                return null;
            }

            builder.Add(new(field.Key, value));
        }

        return new AlloyObject(builder.MoveToImmutable());
    }

    private static AlloyValue? EvaluateUnary(UnaryOperator op, AlloyValue? operand) => (op, operand) switch
    {
        (UnaryOperator.Not, AlloyBool b) => new AlloyBool(!b.Value),
        (UnaryOperator.Negate, AlloyNumber n) => new AlloyNumber(-n.Value),
        _ => null,
    };

    private static AlloyValue? EvaluateBinary(BinaryOperator op, AlloyValue? left, AlloyValue? right)
    {
        if (left is null || right is null)
        {
            return null;
        }

        switch (op)
        {
            case BinaryOperator.Equal:
                return new AlloyBool(Equals(left, right));
            case BinaryOperator.NotEqual:
                return new AlloyBool(!Equals(left, right));
        }

        return (left, right) switch
        {
            (AlloyBool a, AlloyBool b) => op switch
            {
                BinaryOperator.And => new AlloyBool(a.Value && b.Value),
                BinaryOperator.Or => new AlloyBool(a.Value || b.Value),
                _ => null,
            },
            (AlloyString a, AlloyString b) => op switch
            {
                BinaryOperator.Add => new AlloyString(a.Value + b.Value),
                BinaryOperator.Less => new AlloyBool(string.CompareOrdinal(a.Value, b.Value) < 0),
                BinaryOperator.LessOrEqual => new AlloyBool(string.CompareOrdinal(a.Value, b.Value) <= 0),
                BinaryOperator.Greater => new AlloyBool(string.CompareOrdinal(a.Value, b.Value) > 0),
                BinaryOperator.GreaterOrEqual => new AlloyBool(string.CompareOrdinal(a.Value, b.Value) >= 0),
                _ => null,
            },
            (AlloyNumber a, AlloyNumber b) => EvaluateNumbers(op, a.Value, b.Value),
            _ => null,
        };
    }

    private static AlloyValue? EvaluateNumbers(BinaryOperator op, double a, double b) => op switch
    {
        BinaryOperator.Add => new AlloyNumber(a + b),
        BinaryOperator.Subtract => new AlloyNumber(a - b),
        BinaryOperator.Multiply => new AlloyNumber(a * b),
        BinaryOperator.Divide when b != 0 => new AlloyNumber(a / b),
        BinaryOperator.Modulo when b != 0 => new AlloyNumber(a % b),
        BinaryOperator.Power => new AlloyNumber(Math.Pow(a, b)),
        BinaryOperator.Less => new AlloyBool(a < b),
        BinaryOperator.LessOrEqual => new AlloyBool(a <= b),
        BinaryOperator.Greater => new AlloyBool(a > b),
        BinaryOperator.GreaterOrEqual => new AlloyBool(a >= b),
        _ => null,
    };
}
