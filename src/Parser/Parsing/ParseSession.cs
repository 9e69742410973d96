using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Lexing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using Superpower.Model;
using TextSpan = AlloyLint.Parser.Text.TextSpan;

namespace AlloyLint.Parser.Parsing;

/// <summary>
/// The mutable state of one parse, which the stateless parsers of <see cref="AlloyGrammar"/> reach through
/// <see cref="Current"/> (one per thread, so files parse in parallel): the tokens as upstream's one-token look-ahead
/// sees them, the syntax errors with upstream's same-line suppression, the nesting depth, and scratch lists.
/// </summary>
internal sealed class ParseSession
{
    [ThreadStatic]
    private static ParseSession? t_current;

    private readonly Token<AlloyToken>[] _tokens;
    private readonly int _eofIndex;
    private readonly ParseScratch _scratch;
    private readonly List<(int TokenIndex, Diagnostic Diagnostic)> _diagnostics = [];
    private int _lastErrorLine;

    /// <param name="tokens">Non-comment tokens; the one at <paramref name="eofIndex"/> is EOF and nothing after it is read.</param>
    /// <param name="scratch">The strings of names and short literals and the list stacks, which sessions of one thread may share.</param>
    /// <param name="text">The text the tokens were scanned from.</param>
    public ParseSession(TextWindow text, Token<AlloyToken>[] tokens, int eofIndex, ParseScratch scratch)
    {
        Text = text;
        _tokens = tokens;
        _eofIndex = eofIndex;
        _scratch = scratch;
    }

    /// <summary>The session of the parse running on this thread (only <see cref="AlloyParser"/> runs the grammar).</summary>
    public static ParseSession Current => t_current!;

    public TextWindow Text { get; }

    /// <summary>The nesting depth: blocks, brackets, unary and power operands, and links of operator and postfix chains.</summary>
    public int Depth { get; set; }

    /// <summary>
    /// Set when the nesting limit is passed: from then on every token reads as EOF, so every rule unwinds at once,
    /// and nothing more is reported.
    /// </summary>
    public bool Abandoned { get; private set; }

    /// <summary>Set when the thread's stack ran low before the nesting limit was reached.</summary>
    public bool RanOutOfStack { get; private set; }

    public ScratchStack<Statement> Statements => _scratch.Statements;

    public ScratchStack<Expression> Expressions => _scratch.Expressions;

    public ScratchStack<ObjectField> Fields => _scratch.Fields;

    public ScratchStack<Identifier> NameParts => _scratch.NameParts;

    /// <summary>Runs <paramref name="parse"/> with this session current on this thread.</summary>
    public T Run<T>(Func<T> parse)
    {
        var outer = t_current;
        t_current = this;
        try
        {
            return parse();
        }
        finally
        {
            t_current = outer;
        }
    }

    /// <summary>The kind of the current token at <paramref name="at"/>.</summary>
    public AlloyToken Kind(TokenList<AlloyToken> at) => Abandoned ? AlloyToken.Eof : _tokens[at.Position].Kind;

    public Token<AlloyToken> Token(TokenList<AlloyToken> at) => _tokens[Abandoned ? _eofIndex : at.Position];

    public TextSpan Span(TokenList<AlloyToken> at) => SpanOf(Token(at));

    public static TextSpan SpanOf(Token<AlloyToken> token) => new(token.Span.Position.Absolute, token.Span.Length);

    /// <summary>The list after the current token; EOF is never passed.</summary>
    public TokenList<AlloyToken> Next(TokenList<AlloyToken> at) =>
        Abandoned || at.Position >= _eofIndex ? at : at.ConsumeToken().Remainder;

    /// <summary>Skips to the next <paramref name="target"/> token (or EOF) without consuming it.</summary>
    public TokenList<AlloyToken> SkipTo(TokenList<AlloyToken> at, AlloyToken target)
    {
        while (Kind(at) != AlloyToken.Eof && Kind(at) != target)
        {
            at = Next(at);
        }

        return at;
    }

    /// <summary>One string per distinct token text.</summary>
    public string TextOf(Token<AlloyToken> token) => Intern(new TextSpan(token.Span.Position.Absolute, token.Span.Length));

    /// <summary>One string per distinct source text.</summary>
    public string Intern(TextSpan span) => _scratch.Names.Get(Text.Slice(span));

    /// <summary>The literal upstream attaches to the current token: its text for names and literals, empty for operators.</summary>
    public string LiteralText(TokenList<AlloyToken> at) => Kind(at) switch
    {
        AlloyToken.Ident or AlloyToken.Number or AlloyToken.Float or AlloyToken.String or AlloyToken.Bool
            or AlloyToken.Null or AlloyToken.Illegal => TextOf(Token(at)),
        _ => string.Empty,
    };

    /// <summary>A parser error at the current token, dropped when the previous one was on the same line (upstream's <c>addErrorf</c>).</summary>
    public void AddError(TokenList<AlloyToken> at, string message)
    {
        var line = Token(at).Span.Position.Line;
        if (line == _lastErrorLine)
        {
            return;
        }

        _lastErrorLine = line;
        AddDirect(at, Span(at), message);
    }

    /// <summary>An error that bypasses same-line suppression, reported while <paramref name="at"/> is current.</summary>
    public void AddDirect(TokenList<AlloyToken> at, TextSpan span, string message)
    {
        if (!Abandoned)
        {
            _diagnostics.Add((at.Position, SyntaxError(span, message)));
        }
    }

    /// <summary>
    /// Enters one nesting level. Past the limit, or when the stack runs low, the parse is abandoned: one diagnostic,
    /// then every token reads as EOF so all levels unwind.
    /// </summary>
    public bool Enter(TokenList<AlloyToken> at)
    {
        if (Abandoned)
        {
            return false;
        }

        if (++Depth <= AlloyParser.MaxNestingDepth)
        {
            if (RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                return true;
            }

            RanOutOfStack = true;
        }

        AddDirect(at, Span(at), $"nesting is too deep: more than {AlloyParser.MaxNestingDepth} levels of blocks, brackets or operators; the rest of the file was not parsed");
        Abandoned = true;
        return false;
    }

    public void Leave() => Depth--;

    /// <summary>
    /// The syntax errors in upstream's order: each lexical error comes where upstream reports it, when its token
    /// becomes current, so before the parser errors reported at that token or later. Lexical errors past
    /// <paramref name="lastIndex"/>, the last token the parse made current, or past an abandonment are not reported.
    /// </summary>
    public ImmutableArray<Diagnostic> Diagnostics(ImmutableArray<LexicalError> lexicalErrors, int lastIndex)
    {
        if (Abandoned)
        {
            lastIndex = Math.Min(lastIndex, _diagnostics[^1].TokenIndex);
        }

        var result = ImmutableArray.CreateBuilder<Diagnostic>(_diagnostics.Count + lexicalErrors.Length);
        var next = 0;
        foreach (var (tokenIndex, diagnostic) in _diagnostics)
        {
            for (; next < lexicalErrors.Length && lexicalErrors[next].TokenIndex <= tokenIndex; next++)
            {
                result.Add(LexicalDiagnostic(lexicalErrors[next]));
            }

            result.Add(diagnostic);
        }

        for (; next < lexicalErrors.Length && lexicalErrors[next].TokenIndex <= lastIndex; next++)
        {
            result.Add(LexicalDiagnostic(lexicalErrors[next]));
        }

        return result.DrainToImmutable();
    }

    private Diagnostic LexicalDiagnostic(LexicalError error)
    {
        var length = error.Offset >= Text.End ? 0 : char.IsHighSurrogate(Text[error.Offset]) && error.Offset + 1 < Text.End ? 2 : 1;
        return SyntaxError(new TextSpan(error.Offset, length), error.Message);
    }

    private static Diagnostic SyntaxError(TextSpan span, string message) =>
        new(AlloyParser.SyntaxErrorCode, Severity.Error, span, message);
}
