using System.Buffers;
using System.Collections.Immutable;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Lexing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using Superpower;
using Superpower.Model;

namespace AlloyLint.Parser.Parsing;

/// <summary>An expression parsed on its own, with its syntax errors.</summary>
public sealed record ExpressionParse(Expression Expression, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => !Diagnostics.IsEmpty;
}

/// <summary>Entry point: parses one source file into a <see cref="SyntaxTree"/>. Never throws on bad input.</summary>
public static class AlloyParser
{
    /// <summary>The rule ID of every syntax error.</summary>
    public const string SyntaxErrorCode = "AL001";

    /// <summary>
    /// How deeply the tree may nest (blocks, brackets, unary operators, and each link of an operator or postfix chain)
    /// before the parse is abandoned with one diagnostic, so neither the parser nor code walking the tree runs out of stack.
    /// </summary>
    public const int MaxNestingDepth = 1000;

    /// <summary>Parses a file: the tree with every comment, and the syntax errors (AL001) in upstream's order.</summary>
    public static SyntaxTree Parse(SourceText source)
    {
        // The token array lives only during the parse: rent it, so parsing many or large files reuses one buffer.
        var tokens = AlloyTokenizer.Instance.Scan(source, ArrayPool<RawToken>.Shared.Rent(EstimatedTokenCount(source)));
        try
        {
            var parser = new SyntaxParser(source, tokens);
            var root = parser.ParseFile();
            return new SyntaxTree(source, root, tokens.Comments, parser.Diagnostics, tokens.CommentGroupStarts);
        }
        finally
        {
            ArrayPool<RawToken>.Shared.Return(tokens.Raw);
        }
    }

    /// <summary>
    /// One expression as a Superpower token-list parser, so it composes with Superpower's combinators. It is
    /// hand-written (upstream's grammar, precedence and first error message) and reads the tokens of
    /// <see cref="AlloyTokenizer"/>, skipping comment tokens; it succeeds with the expression and the tokens after
    /// it, or fails at upstream's first syntax error. Lexical errors surface as the parser errors about the
    /// <see cref="AlloyToken.Illegal"/> tokens they produce; use <see cref="Parse"/> for files.
    /// </summary>
    public static TokenListParser<AlloyToken, Expression> Expression { get; } = ParseExpressionTokens;

    private static TokenListParserResult<AlloyToken, Expression> ParseExpressionTokens(TokenList<AlloyToken> input)
    {
        var remaining = input.ToArray();
        var text = remaining.Length > 0 ? remaining[0].Span.Source ?? string.Empty : string.Empty;
        var raw = new List<RawToken>(remaining.Length + 1);
        var origins = new List<int>(remaining.Length + 1);
        for (var i = 0; i < remaining.Length; i++)
        {
            if (remaining[i].Kind != AlloyToken.Comment)
            {
                raw.Add(new RawToken(remaining[i].Kind, remaining[i].Span.Position.Absolute, remaining[i].Span.Length));
                origins.Add(i);
            }
        }

        if (raw.Count == 0 || raw[^1].Kind != AlloyToken.Eof)
        {
            raw.Add(new RawToken(AlloyToken.Eof, raw.Count == 0 ? text.Length : raw[^1].End, 0));
            origins.Add(remaining.Length);
        }

        var source = SourceText.From(text);
        var parser = new SyntaxParser(source, [.. raw], raw.Count, []);
        var expression = parser.ParseExpression();
        if (parser.Diagnostics.FirstOrDefault() is { } error)
        {
            var position = source.GetPosition(error.Span.Start);
            return TokenListParserResult.Empty<AlloyToken, Expression>(input, new Position(error.Span.Start, position.Line, position.Column), error.Message);
        }

        var remainder = input;
        for (var consumed = origins[parser.Position]; consumed > 0; consumed--)
        {
            remainder = remainder.ConsumeToken().Remainder;
        }

        return TokenListParserResult.Value(expression, input, remainder);
    }

    /// <summary>Configs average about one token per five characters; the buffer grows if a file has more.</summary>
    private static int EstimatedTokenCount(SourceText source) => Math.Max(16, source.Length / 4);

    /// <summary>Parses one expression that must be followed by the end of its line, as upstream's <c>ParseExpression</c>.</summary>
    public static ExpressionParse ParseExpression(SourceText source)
    {
        var tokens = AlloyTokenizer.Instance.Scan(source);
        var parser = new SyntaxParser(source, tokens);
        var expression = parser.ParseStandaloneExpression();
        return new ExpressionParse(expression, parser.Diagnostics);
    }
}
