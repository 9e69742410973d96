using System.Buffers;
using System.Collections.Immutable;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Lexing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using Superpower;
using Superpower.Model;
using TextSpan = AlloyLint.Parser.Text.TextSpan;

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
    /// <remarks>
    /// A large file is cut into segments that each begin a line with a letter, so most likely a top-level statement,
    /// and the segments are parsed in parallel as files of their own: only one segment's tokens exist at a time per
    /// thread, and the parse uses every core. Each guess is then checked. When the segments before one all parse
    /// without an error, the text before it is a whole sequence of statements, so it really begins a statement and
    /// its parse is what the whole file's parse would give there. From the first segment with an error on, the rest
    /// of the file is parsed again in one piece, so errors and their recovery are exactly upstream's.
    /// </remarks>
    public static SyntaxTree Parse(SourceText source) => Parse(source, SegmentLength);

    /// <summary><see cref="Parse(SourceText)"/> with segments of at least <paramref name="segmentLength"/> characters.</summary>
    internal static SyntaxTree Parse(SourceText source, int segmentLength)
    {
        var starts = SegmentStarts(source, segmentLength);
        var segments = new SegmentParse[starts.Length];
        if (segments.Length == 1)
        {
            segments[0] = ParseSegment(source, starts[0], source.Length, new ParseScratch());
        }
        else
        {
            // A segment with an error stops the segments after it from starting: they are parsed again anyway.
            // The segments parsed by one task share its scratch: a name is one string per task, not per segment, and the
            // list stacks grow once per task.
            Parallel.For(
                0,
                segments.Length,
                () => new ParseScratch(),
                (i, loop, scratch) =>
                {
                    segments[i] = ParseSegment(source, starts[i], i + 1 < starts.Length ? starts[i + 1] : source.Length, scratch);
                    if (!segments[i].Diagnostics.IsEmpty)
                    {
                        loop.Break();
                    }

                    return scratch;
                },
                _ => { });
        }

        // Segments that never started come only after one with an error.
        var count = segments.Length;
        var firstWithErrors = Array.FindIndex(segments, segment => segment is null || !segment.Diagnostics.IsEmpty);
        if (firstWithErrors >= 0 && firstWithErrors < count - 1)
        {
            segments[firstWithErrors] = ParseSegment(source, starts[firstWithErrors], source.Length, new ParseScratch());
            count = firstWithErrors + 1;
        }

        return count == 1 ? segments[0].ToTree(source) : Join(source, segments.AsSpan(0, count));
    }

    /// <summary>Parses one expression that must be followed by the end of its line, as upstream's <c>ParseExpression</c>.</summary>
    public static ExpressionParse ParseExpression(SourceText source)
    {
        using var text = new TextWindow(source);
        var tokens = AlloyTokenizer.Instance.Scan(source, text, new Token<AlloyToken>[Math.Max(16, source.Length / 5)]);
        var (expression, session, end) = Run(AlloyGrammar.StandaloneExpression, text, tokens.Buffer, tokens.Count - 1, new ParseScratch());
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

        using var window = new TextWindow(source);
        var (expression, session, stop) = Run(AlloyGrammar.Expression, window, [.. tokens], tokens.Count - 1, new ParseScratch());
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
    private static (T Value, ParseSession Session, int Stop) Run<T>(
        TokenListParser<AlloyToken, T> rule, TextWindow text, Token<AlloyToken>[] tokens, int eofIndex, ParseScratch scratch)
    {
        (T Value, ParseSession Session, int Stop) ParseOnce()
        {
            var session = new ParseSession(text, tokens, eofIndex, scratch);
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

    /// <summary>
    /// How long a segment of a large file is, at least: about a thousand statements. A segment ends a little after this,
    /// and its token buffer (<see cref="EstimatedTokenCount"/>, rounded up to a power of two by the pool) stays at 8,192
    /// tokens, 256 KB, unless the segment runs 2 KB past it. The pool keeps a buffer or two per thread to the end of the
    /// run, so short segments are less memory: with segments of 120 KB the buffers took 2 MB more of a 10 MB lint's peak.
    /// </summary>
    private const int SegmentLength = 30 * 1024;

    /// <summary>The parse of a segment, as if it were a file of its own.</summary>
    private sealed record SegmentParse(
        ImmutableArray<Statement> Statements,
        ImmutableArray<Comment> Comments,
        ImmutableArray<int> CommentGroupStarts,
        ImmutableArray<Diagnostic> Diagnostics)
    {
        public SyntaxTree ToTree(SourceText source) =>
            new(source, new Body(Statements, new TextSpan(0, source.Length)), Comments, Diagnostics, CommentGroupStarts);
    }

    /// <summary>
    /// Where the segments start: the file's start, then, <paramref name="segmentLength"/> characters after the last
    /// start, the next line that begins with a letter or '_', as a top-level statement does in a file laid out as usual.
    /// </summary>
    private static int[] SegmentStarts(SourceText text, int segmentLength)
    {
        var starts = new List<int> { 0 };
        while (text.Length - starts[^1] > segmentLength)
        {
            var start = NextLineStartingWithLetter(text, starts[^1] + segmentLength);
            if (start < 0)
            {
                break;
            }

            starts.Add(start);
        }

        return [.. starts];
    }

    private static int NextLineStartingWithLetter(SourceText text, int from)
    {
        for (var newline = text.IndexOf('\n', from); newline >= 0 && newline + 1 < text.Length; newline = text.IndexOf('\n', newline + 1))
        {
            if (char.IsAsciiLetter(text[newline + 1]) || text[newline + 1] == '_')
            {
                return newline + 1;
            }
        }

        return -1;
    }

    private static SegmentParse ParseSegment(SourceText source, int start, int end, ParseScratch scratch)
    {
        // The token buffer lives only during the segment's parse: rent it, so segments and files reuse a few buffers
        // (the shared pool gives unused buffers back to the GC when memory runs short or they sit idle).
        // So does the segment's text, as UTF-16 (the source may keep it as ASCII bytes).
        using var text = new TextWindow(source, start, end);
        var buffer = ArrayPool<Token<AlloyToken>>.Shared.Rent(EstimatedTokenCount(end - start));
        var tokens = AlloyTokenizer.Instance.Scan(source, text, buffer);
        try
        {
            var (root, session, stop) = Run(AlloyGrammar.File, text, tokens.Buffer, tokens.Count - 1, scratch);
            return new SegmentParse(root, tokens.Comments, tokens.CommentGroupStarts, session.Diagnostics(tokens.Errors, stop));
        }
        finally
        {
            ArrayPool<Token<AlloyToken>>.Shared.Return(tokens.Buffer);
        }
    }

    /// <summary>One tree from the parses of consecutive segments; only the last can have errors.</summary>
    private static SyntaxTree Join(SourceText source, ReadOnlySpan<SegmentParse> segments)
    {
        int statementCount = 0, commentCount = 0, groupCount = 0;
        foreach (var segment in segments)
        {
            statementCount += segment.Statements.Length;
            commentCount += segment.Comments.Length;
            groupCount += segment.CommentGroupStarts.Length;
        }

        var statements = ImmutableArray.CreateBuilder<Statement>(statementCount);
        var comments = ImmutableArray.CreateBuilder<Comment>(commentCount);
        var groupStarts = ImmutableArray.CreateBuilder<int>(groupCount);
        foreach (var segment in segments)
        {
            // A segment starts with a token, so its first comment always starts a new group.
            foreach (var groupStart in segment.CommentGroupStarts)
            {
                groupStarts.Add(comments.Count + groupStart);
            }

            statements.AddRange(segment.Statements);
            comments.AddRange(segment.Comments);
        }

        var root = new Body(statements.MoveToImmutable(), new TextSpan(0, source.Length));
        return new SyntaxTree(source, root, comments.MoveToImmutable(), segments[^1].Diagnostics, groupStarts.MoveToImmutable());
    }

    /// <summary>Configs average about one token per five characters; the buffer grows if a file has more.</summary>
    private static int EstimatedTokenCount(int length) => Math.Max(16, length / 4);
}
