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
        // The token array lives only during the parse: rent it, so parsing many or large files reuses one buffer (the
        // shared pool gives unused buffers back to the GC when memory runs short or they sit idle).
        var tokens = AlloyTokenizer.Instance.Scan(source, ArrayPool<Token<AlloyToken>>.Shared.Rent(EstimatedTokenCount(source)));
        try
        {
            var (root, session, end) = Run(AlloyGrammar.File, source.Text, tokens.Buffer, tokens.Count - 1);
            return new SyntaxTree(source, root, tokens.Comments, session.Diagnostics(tokens.Errors, end), tokens.CommentGroupStarts);
        }
        finally
        {
            ArrayPool<Token<AlloyToken>>.Shared.Return(tokens.Buffer);
        }
    }

    /// <summary>Parses one expression that must be followed by the end of its line, as upstream's <c>ParseExpression</c>.</summary>
    public static ExpressionParse ParseExpression(SourceText source)
    {
        var tokens = AlloyTokenizer.Instance.Scan(source);
        var (expression, session, end) = Run(AlloyGrammar.StandaloneExpression, source.Text, tokens.Buffer, tokens.Count - 1);
        return new ExpressionParse(expression, session.Diagnostics(tokens.Errors, end));
    }

    /// <summary>
    /// The grammar's expression rule as a Superpower token-list parser over the tokens of
    /// <see cref="AlloyTokenizer.Tokenize(string)"/>, so it composes with Superpower's combinators. Comment tokens are
    /// skipped. It succeeds with the expression and the tokens after it, or fails at upstream's first syntax error;
    /// lexical errors surface as the parser errors about the <see cref="AlloyToken.Illegal"/> tokens they produce.
    /// Use <see cref="Parse"/> for files.
    /// </summary>
    public static TokenListParser<AlloyToken, Expression> Expression { get; } = ParseCallerTokens;

    // Hand-written: the grammar reads a comment-free list ending in EOF, so the caller's list is filtered and where the rule stopped is mapped back onto it.
    private static TokenListParserResult<AlloyToken, Expression> ParseCallerTokens(TokenList<AlloyToken> input)
    {
        var tokens = new List<Token<AlloyToken>>();
        var origins = new List<int>();
        var index = 0;
        foreach (var token in input)
        {
            if (token.Kind != AlloyToken.Comment)
            {
                tokens.Add(token);
                origins.Add(index);
            }

            index++;
        }

        var text = tokens.Count > 0 ? tokens[0].Span.Source ?? string.Empty : string.Empty;
        var source = SourceText.From(text);
        if (tokens.Count == 0 || tokens[^1].Kind != AlloyToken.Eof)
        {
            var end = tokens.Count == 0 ? text.Length : tokens[^1].Span.Position.Absolute + tokens[^1].Span.Length;
            tokens.Add(new Token<AlloyToken>(AlloyToken.Eof, new Superpower.Model.TextSpan(text, PositionOf(source, end), 0)));
            origins.Add(index);
        }

        var (expression, session, stop) = Run(AlloyGrammar.Expression, text, [.. tokens], tokens.Count - 1);
        if (session.Diagnostics([], stop).FirstOrDefault() is { } error)
        {
            return TokenListParserResult.Empty<AlloyToken, Expression>(input, PositionOf(source, error.Span.Start), error.Message);
        }

        var remainder = input;
        for (var consumed = origins[stop]; consumed > 0; consumed--)
        {
            remainder = remainder.ConsumeToken().Remainder;
        }

        return TokenListParserResult.Value(expression, input, remainder);
    }

    private static Position PositionOf(SourceText source, int offset)
    {
        var position = source.GetPosition(offset);
        return new Position(offset, position.Line, position.Column);
    }

    /// <summary>
    /// Runs a grammar rule from the first of <paramref name="tokens"/> in a new session: the value, the session with
    /// the errors, and the index of the token where the rule stopped. When the thread's stack runs low before the
    /// nesting limit, the parse is run again on a thread with a stack large enough for that limit.
    /// </summary>
    private static (T Value, ParseSession Session, int Stop) Run<T>(TokenListParser<AlloyToken, T> rule, string text, Token<AlloyToken>[] tokens, int eofIndex)
    {
        (T Value, ParseSession Session, int Stop) ParseOnce()
        {
            var session = new ParseSession(text, tokens, eofIndex);
            var result = session.Run(() => rule(new TokenList<AlloyToken>(tokens)));
            return (result.Value, session, result.Remainder.Position);
        }

        var parsed = ParseOnce();
        if (parsed.Session.RanOutOfStack)
        {
            var thread = new Thread(() => parsed = ParseOnce(), LargeStackBytes);
            thread.Start();
            thread.Join();
        }

        return parsed;
    }

    /// <summary>
    /// A stack for <see cref="MaxNestingDepth"/> levels of the most stack-hungry rule (nested objects need about
    /// 16 MB), four times over.
    /// </summary>
    private const int LargeStackBytes = 64 * 1024 * 1024;

    /// <summary>Configs average about one token per five characters; the buffer grows if a file has more.</summary>
    private static int EstimatedTokenCount(SourceText source) => Math.Max(16, source.Length / 4);
}
