using System.Collections.Immutable;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using Superpower;
using Superpower.Model;
using SuperpowerSpan = Superpower.Model.TextSpan;
using TextSpan = AlloyLint.Parser.Text.TextSpan;

namespace AlloyLint.Parser.Lexing;

/// <summary>The tokens of one source: what the parser reads, the comments beside them, and the lexical errors.</summary>
public sealed class AlloyTokens
{
    private readonly SourceText _source;
    private readonly Token<AlloyToken>[] _buffer;
    private Token<AlloyToken>[]? _tokens;

    internal AlloyTokens(SourceText source, Token<AlloyToken>[] buffer, int count, ImmutableArray<Comment> comments, ImmutableArray<int> commentGroupStarts, ImmutableArray<LexicalError> errors)
    {
        _source = source;
        _buffer = buffer;
        Count = count;
        Comments = comments;
        CommentGroupStarts = commentGroupStarts;
        Errors = errors;
    }

    /// <summary>How many non-comment tokens there are, the final EOF included.</summary>
    public int Count { get; }

    /// <summary>Non-comment tokens including inserted terminators, ending with one <see cref="AlloyToken.Eof"/>.</summary>
    public TokenList<AlloyToken> Tokens => new(_tokens ??= WithText());

    /// <summary>Every comment in source order.</summary>
    public ImmutableArray<Comment> Comments { get; }

    /// <summary>
    /// Indexes into <see cref="Comments"/> where upstream's comment groups start: a group is a run of comments with
    /// no token between them, each starting at most one line below where the previous one ended.
    /// </summary>
    public ImmutableArray<int> CommentGroupStarts { get; }

    /// <summary>Lexical errors in upstream's order.</summary>
    public ImmutableArray<LexicalError> Errors { get; }

    /// <summary>
    /// The scan buffer, as the parser reads it; only the first <see cref="Count"/> tokens are meaningful. Its tokens
    /// carry no reference to the text (the parser reads the text from its session), so a pooled buffer neither keeps
    /// a text alive nor needs clearing.
    /// </summary>
    internal Token<AlloyToken>[] Buffer => _buffer;

    private Token<AlloyToken>[] WithText()
    {
        var text = _source.Text;
        var tokens = new Token<AlloyToken>[Count];
        for (var i = 0; i < Count; i++)
        {
            var span = _buffer[i].Span;
            tokens[i] = new Token<AlloyToken>(_buffer[i].Kind, new SuperpowerSpan(text, span.Position, span.Length));
        }

        return tokens;
    }
}

/// <summary>
/// The Alloy tokenizer: a hand-written Superpower tokenizer that reproduces upstream's scanner, including automatic
/// TERMINATOR insertion, comment collection and scanner errors. Token spans are UTF-16 offsets into the text; a
/// terminator inserted at EOF or before a line-ending comment is zero-width.
/// </summary>
public sealed class AlloyTokenizer(bool insertTerminators = true) : Tokenizer<AlloyToken>
{
    /// <summary>The tokenizer the parser uses (terminators inserted).</summary>
    public static AlloyTokenizer Instance { get; } = new();

    /// <summary>Scans a whole source file.</summary>
    public AlloyTokens Scan(SourceText source)
    {
        using var text = new TextWindow(source);
        return Scan(source, text, new Token<AlloyToken>[Math.Max(16, source.Length / 5)]);
    }

    /// <summary>
    /// Scans the stretch of the source that <paramref name="text"/> holds as if it were the whole file, into
    /// <paramref name="buffer"/> (grown when too small; the result's <c>Buffer</c> is the one to release). A stretch
    /// after the file's start must start a line. Each token's position comes from the scanner, so no line or column is
    /// looked up per token; lines count from the stretch's start, as the parser only compares tokens' lines with each
    /// other (errors on one line, comment groups), so the lines before a segment are never counted.
    /// </summary>
    internal AlloyTokens Scan(SourceText source, TextWindow text, Token<AlloyToken>[] buffer)
    {
        var from = text.Start;
        var errors = new List<LexicalError>();
        var invalid = source.InvalidUtf8Offsets as int[] ?? [.. source.InvalidUtf8Offsets];
        // A BOM after the file's start is never the file's own, so it is illegal there.
        var scanner = new AlloyScanner(text, from, text.End, invalid, source.HasBom || from > 0, insertTerminators, errors);
        var tokens = buffer;
        var count = 0;
        var comments = ImmutableArray.CreateBuilder<Comment>();
        var groupStarts = ImmutableArray.CreateBuilder<int>();
        var lastCommentEndLine = int.MinValue;
        while (true)
        {
            var kind = scanner.Scan(out var start, out var line, out var column);
            var end = scanner.Offset;
            if (kind == AlloyToken.Comment)
            {
                if (line > lastCommentEndLine + 1)
                {
                    groupStarts.Add(comments.Count);
                }

                var comment = MakeComment(source, text, start, end, scanner.CleanedCommentText);
                lastCommentEndLine = line + (comment.Kind == CommentKind.Block ? text.Slice(start, end - start).Count('\n') : 0);
                comments.Add(comment);
                continue;
            }

            lastCommentEndLine = int.MinValue;

            if (count == tokens.Length)
            {
                var larger = new Token<AlloyToken>[tokens.Length * 2];
                tokens.AsSpan().CopyTo(larger);
                tokens = larger;
            }

            tokens[count++] = new Token<AlloyToken>(kind, new SuperpowerSpan(null!, new Position(start, line, column), end - start));
            scanner.TokenIndex++;
            if (kind == AlloyToken.Eof)
            {
                break;
            }
        }

        return new AlloyTokens(source, tokens, count, comments.ToImmutable(), groupStarts.ToImmutable(), [.. errors]);
    }

    /// <summary>Tokenizes <paramref name="source"/> including comments and zero-width terminators; never throws.</summary>
    public new TokenList<AlloyToken> Tokenize(string source) => TryTokenize(source).Value;

    /// <summary>
    /// Tokenizes <paramref name="source"/> with comment tokens in place; always succeeds (lexical errors become
    /// <see cref="AlloyToken.Illegal"/> tokens or are reported by <see cref="Scan"/>).
    /// </summary>
    public new Result<TokenList<AlloyToken>> TryTokenize(string source)
    {
        var whole = new SuperpowerSpan(source);
        var tokens = new List<Token<AlloyToken>>();
        var remainder = whole;
        foreach (var result in Tokenize(whole))
        {
            tokens.Add(new Token<AlloyToken>(result.Value, result.Location.Until(result.Remainder)));
            remainder = result.Remainder;
        }

        return Result.Value(new TokenList<AlloyToken>([.. tokens]), whole, remainder);
    }

    /// <summary>
    /// Yields every token of <paramref name="span"/>, comments included, without EOF. Terminators inserted at EOF or
    /// before a comment are zero-width, which Superpower's base <c>Tokenizer.Tokenize(string)</c> rejects: call the
    /// methods of this class, which accept them.
    /// </summary>
    protected override IEnumerable<Result<AlloyToken>> Tokenize(SuperpowerSpan span)
    {
        var text = span.Source ?? string.Empty;
        var from = span.Position.Absolute;
        var to = from + span.Length;
        using var window = new TextWindow(SourceText.From(text), from, to);
        var scanner = new AlloyScanner(window, from, to, [], leadingBomIsIllegal: false, insertTerminators, []);
        while (true)
        {
            var kind = scanner.Scan(out var start, out var line, out var column);
            if (kind == AlloyToken.Eof)
            {
                yield break;
            }

            var end = scanner.Offset;
            var location = new SuperpowerSpan(text, PositionIn(span, start, line, column), to - start);
            var remainder = new SuperpowerSpan(text, PositionIn(span, end, scanner.Line, scanner.Column), to - end);
            yield return Result.Value(kind, location, remainder);
        }
    }

    /// <summary>A position found scanning <paramref name="span"/> alone, made relative to the whole source.</summary>
    private static Position PositionIn(SuperpowerSpan span, int absolute, int line, int column) =>
        new(absolute, span.Position.Line + line - 1, line == 1 ? span.Position.Column + column - 1 : column);

    private static Comment MakeComment(SourceText source, TextWindow text, int start, int end, string? cleaned)
    {
        var block = text[start + 1] == '*';
        // A line comment's span stops before the '\r' of a CRLF line end.
        if (!block && end > start && text[end - 1] == '\r')
        {
            end--;
        }

        // Cleaning only takes carriage returns out: as long as the span, the cleaned text is the source's.
        if (cleaned?.Length == end - start)
        {
            cleaned = null;
        }

        return new Comment(block ? CommentKind.Block : CommentKind.Line, TextSpan.FromBounds(start, end), source, cleaned);
    }
}
