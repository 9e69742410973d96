using AlloyLint.Parser.Tree;

namespace AlloyLint.Parser.Tests.Support;

/// <summary>A compact prefix rendering of expressions that shows grouping: <c>(+ 1 (* 2 3))</c>.</summary>
internal static class Sexpr
{
    public static string Of(Expression expression) => expression switch
    {
        LiteralExpression literal => literal.RawText,
        IdentifierExpression identifier => identifier.Name,
        ArrayExpression array => $"[{string.Join(" ", array.Elements.Select(Of))}]",
        ObjectExpression obj => $"{{{string.Join(" ", obj.Fields.Select(f => $"{(f.Quoted ? "\"" + f.Key + "\"" : f.Key)}={Of(f.Value)}"))}}}",
        AccessExpression access => $"(. {Of(access.Target)} {access.Member.Name})",
        IndexExpression index => $"(index {Of(index.Target)} {Of(index.Index)})",
        CallExpression call => $"(call {string.Join(" ", call.Arguments.Prepend(call.Callee).Select(Of))})",
        UnaryExpression unary => $"({unary.Operator.Text()} {Of(unary.Operand)})",
        BinaryExpression binary => $"({binary.Operator.Text()} {Of(binary.Left)} {Of(binary.Right)})",
        ParenExpression paren => $"(paren {Of(paren.Inner)})",
        _ => throw new ArgumentOutOfRangeException(nameof(expression)),
    };
}
