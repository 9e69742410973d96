namespace AlloyLint.Parser.Tree;

public static class OperatorFacts
{
    /// <summary>How the operator is written: <c>||</c>, <c>==</c>, <c>^</c>...</summary>
    public static string Text(this BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "||",
        BinaryOperator.And => "&&",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%",
        BinaryOperator.Power => "^",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>How the operator is written: <c>!</c> or <c>-</c>.</summary>
    public static string Text(this UnaryOperator op) => op == UnaryOperator.Not ? "!" : "-";
}
