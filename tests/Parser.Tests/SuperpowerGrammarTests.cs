using AlloyLint.Parser.Lexing;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Tests.Support;
using Superpower;
using Superpower.Parsers;
using Xunit;

namespace AlloyLint.Parser.Tests;

/// <summary><see cref="AlloyParser.Expression"/> used as a Superpower token-list parser and composed with combinators.</summary>
public class SuperpowerGrammarTests
{
    private static readonly TokenListParser<AlloyToken, Tree.Expression[]> CommaSeparatedLine =
        AlloyParser.Expression.ManyDelimitedBy(Token.EqualTo(AlloyToken.Comma))
            .Then(expressions => Token.EqualTo(AlloyToken.Terminator).Value(expressions))
            .AtEnd();

    [Fact]
    public void Composes_with_combinators_and_keeps_precedence()
    {
        var tokens = AlloyTokenizer.Instance.Tokenize("1 + 2 * 3, -x ^ 2, f(a) /* c */ .b");
        var expressions = CommaSeparatedLine.Parse(tokens);
        Assert.Equal(["(+ 1 (* 2 3))", "(^ (- x) 2)", "(. (call f a) b)"], expressions.Select(Sexpr.Of));
    }

    [Fact]
    public void Starts_where_the_token_list_is_positioned()
    {
        var tokens = AlloyTokenizer.Instance.Tokenize("skip (a || b) && c");
        var result = AlloyParser.Expression(tokens.ConsumeToken().Remainder);
        Assert.True(result.HasValue);
        Assert.Equal("(&& (paren (|| a b)) c)", Sexpr.Of(result.Value));
        Assert.Equal(AlloyToken.Terminator, result.Remainder.ConsumeToken().Value.Kind);
    }

    [Fact]
    public void Fails_with_upstreams_first_error()
    {
        var result = CommaSeparatedLine(AlloyTokenizer.Instance.Tokenize("1 + , 2"));
        Assert.False(result.HasValue);
        Assert.Contains("expected expression, got ,", result.ToString(), StringComparison.Ordinal);
        Assert.Equal((1, 5), (result.ErrorPosition.Line, result.ErrorPosition.Column));
    }
}
