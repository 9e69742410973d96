using System.Text.Json.Nodes;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Parser.Tests.Support;

/// <summary>
/// Renders a tree in the JSON shape the conformance data uses for upstream ASTs (<c>oracle_ast</c>,
/// <c>parse_cases.json</c>), so the two can be compared node for node.
/// </summary>
internal static class OracleAst
{
    public static JsonObject File(SyntaxTree tree) => new()
    {
        ["body"] = Body(tree.Root),
        ["comments"] = new JsonArray([.. tree.CommentGroups.Select(group => (JsonNode)new JsonArray([.. group.Select(c => (JsonNode)JsonValue.Create(c.Text))]))]),
    };

    public static JsonArray Body(Body body) => new([.. body.Statements.Select(Statement)]);

    public static JsonNode Statement(Statement statement) => statement switch
    {
        AttributeStatement attribute => new JsonObject { ["attr"] = attribute.Name.Name, ["value"] = Expression(attribute.Value) },
        BlockStatement block => BlockNode(block),
        _ => throw new ArgumentOutOfRangeException(nameof(statement)),
    };

    public static JsonNode Expression(Expression expression) => expression switch
    {
        LiteralExpression literal => new JsonObject { ["lit"] = literal.Kind.ToString().ToUpperInvariant(), ["v"] = literal.RawText },
        IdentifierExpression identifier => new JsonObject { ["ident"] = identifier.Name },
        ArrayExpression array => new JsonObject { ["array"] = new JsonArray([.. array.Elements.Select(Expression)]) },
        ObjectExpression obj => new JsonObject
        {
            ["object"] = new JsonArray([.. obj.Fields.Select(field => (JsonNode)new JsonObject
            {
                ["key"] = field.Key,
                ["quoted"] = field.Quoted,
                ["value"] = Expression(field.Value),
            })]),
        },
        AccessExpression access => new JsonObject { ["access"] = Expression(access.Target), ["name"] = access.Member.Name },
        IndexExpression index => new JsonObject { ["index"] = Expression(index.Target), ["at"] = Expression(index.Index) },
        CallExpression call => new JsonObject { ["call"] = Expression(call.Callee), ["args"] = new JsonArray([.. call.Arguments.Select(Expression)]) },
        UnaryExpression unary => new JsonObject { ["unary"] = unary.Operator.Text(), ["x"] = Expression(unary.Operand) },
        BinaryExpression binary => new JsonObject { ["binary"] = binary.Operator.Text(), ["l"] = Expression(binary.Left), ["r"] = Expression(binary.Right) },
        ParenExpression paren => new JsonObject { ["paren"] = Expression(paren.Inner) },
        _ => throw new ArgumentOutOfRangeException(nameof(expression)),
    };

    private static JsonObject BlockNode(BlockStatement block)
    {
        var node = new JsonObject { ["block"] = new JsonArray([.. block.NameParts.Select(part => (JsonNode)JsonValue.Create(part.Name))]) };
        if (block.Label is { } label)
        {
            node["label"] = label.Value;
        }

        node["body"] = Body(block.Body);
        return node;
    }
}
