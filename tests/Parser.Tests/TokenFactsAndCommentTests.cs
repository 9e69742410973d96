using AlloyLint.Parser.Lexing;
using AlloyLint.Parser.Tests.Support;
using Xunit;

namespace AlloyLint.Parser.Tests;

public class TokenFactsAndCommentTests
{
    [Fact]
    public void Every_token_kind_has_upstreams_spelling()
    {
        var spelled = Enum.GetValues<AlloyToken>().Select(kind => kind.Describe()).ToArray();
        Assert.Equal(
            ["ILLEGAL", "EOF", "COMMENT", "IDENT", "NUMBER", "FLOAT", "STRING", "BOOL", "NULL", "||", "&&", "!", "=", "==", "!=",
             "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "^", "{", "}", "(", ")", "[", "]", ",", ".", "TERMINATOR"],
            spelled);
    }

    [Fact]
    public void Binary_precedence_orders_operators_as_upstream()
    {
        Assert.Equal(
            [1, 2, 3, 3, 3, 3, 3, 3, 4, 4, 5, 5, 5, 6, 0, 0],
            new[]
            {
                AlloyToken.Or, AlloyToken.And, AlloyToken.Eq, AlloyToken.Neq, AlloyToken.Lt, AlloyToken.Lte, AlloyToken.Gt,
                AlloyToken.Gte, AlloyToken.Add, AlloyToken.Sub, AlloyToken.Mul, AlloyToken.Div, AlloyToken.Mod, AlloyToken.Pow,
                AlloyToken.Not, AlloyToken.Assign,
            }.Select(t => t.BinaryPrecedence()));
    }

    [Theory]
    [InlineData("// a\n// b\n", "[// a|// b]")]
    [InlineData("// a\n\n// b\n", "[// a] [// b]")]
    [InlineData("/* a\n b */\n// c\n", "[/* a\n b */|// c]")]
    [InlineData("// a\nx = 1\n// b\n", "[// a] [// b]")]
    [InlineData("x = 1 // a\n// b\n", "[// a|// b]")]
    [InlineData("x = [ /* a */ 1, /* b */ 2]\n", "[/* a */] [/* b */]")]
    public void Comments_are_grouped_as_upstream_groups_them(string text, string expected)
    {
        var tree = Parsed.Text(text);
        Assert.False(tree.HasErrors);
        Assert.Equal(expected, string.Join(" ", tree.CommentGroups.Select(g => "[" + string.Join("|", g.Select(c => c.Text)) + "]")));
    }

    [Theory]
    [InlineData(0, 34, "// a")]
    [InlineData(1, 34, "/* b */")]
    [InlineData(11, 12, "/* b */")]
    [InlineData(12, 29, null)]
    [InlineData(29, 34, "// c")]
    [InlineData(30, 34, null)]
    [InlineData(11, 11, null)]
    public void The_first_comment_starting_in_a_range_is_found(int start, int end, string? expected)
    {
        var tree = Parsed.Text("// a\nx = 1 /* b */ + 2\ny = 3 // c\n");
        Assert.Equal(expected, tree.FirstCommentStartingIn(start, end)?.Text);
    }

    [Fact]
    public void Superpower_tokens_carry_lines_and_columns()
    {
        var tokens = AlloyTokenizer.Instance.Tokenize("a = 1\nx = 1 + y").ToArray();
        var y = tokens.Single(t => t.ToStringValue() == "y");
        Assert.Equal((2, 9), (y.Span.Position.Line, y.Span.Position.Column));
        Assert.Equal(AlloyToken.Terminator, tokens[^1].Kind);
    }
}
