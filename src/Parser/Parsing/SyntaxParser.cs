using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Lexing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Parser.Parsing;

/// <summary>
/// The recursive-descent parser over the token array, reproducing upstream's grammar, its error messages, its
/// recovery (which tokens each error skips) and its same-line suppression of parser errors. Lexical errors are
/// reported when their token becomes current, as upstream's one-token look-ahead does.
/// </summary>
internal sealed class SyntaxParser
{
    private readonly SourceText _source;
    private readonly string _text;
    private readonly RawToken[] _tokens;
    private readonly int _lastIndex;
    private readonly NameTable _names = new();

    // Scratch stacks: a list being parsed pushes its items and pops them into an exact array when done, so nested
    // lists share one buffer instead of allocating a builder each.
    private readonly List<Statement> _statements = [];
    private readonly List<Expression> _expressions = [];
    private readonly List<ObjectField> _fields = [];
    private readonly List<Identifier> _nameParts = [];
    private readonly ImmutableArray<LexicalError> _lexicalErrors;
    private readonly ImmutableArray<Diagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
    private int _index;
    private int _nextLexicalError;
    private int _lastErrorLine;
    private int _depth;
    private bool _abandoned;

    public SyntaxParser(SourceText source, AlloyTokens tokens)
        : this(source, tokens.Raw, tokens.Count, tokens.Errors)
    {
    }

    /// <param name="tokens">Non-comment tokens; the first <paramref name="count"/> are read and the last must be EOF.</param>
    public SyntaxParser(SourceText source, RawToken[] tokens, int count, ImmutableArray<LexicalError> lexicalErrors)
    {
        _source = source;
        _text = source.Text;
        _tokens = tokens;
        _lastIndex = count - 1;
        _lexicalErrors = lexicalErrors;
        ReportLexicalErrors();
    }

    public ImmutableArray<Diagnostic> Diagnostics => _diagnostics.ToImmutable();

    /// <summary>The index of the current token.</summary>
    public int Position => _index;

    private AlloyToken Current => _tokens[_index].Kind;

    private int CurrentStart => _tokens[_index].Start;

    private TextSpan CurrentSpan => new(_tokens[_index].Start, _tokens[_index].Length);

    private string CurrentText => _names.Get(_text.AsSpan(_tokens[_index].Start, _tokens[_index].Length));

    /// <summary><c>File = Body EOF</c>.</summary>
    public Body ParseFile() => new(ParseBody(AlloyToken.Eof), new TextSpan(0, _text.Length));

    /// <summary>One expression followed by a terminator, as upstream's public <c>ParseExpression</c>.</summary>
    public Expression ParseStandaloneExpression()
    {
        var expression = ParseExpression();
        Expect(AlloyToken.Terminator);
        return expression;
    }

    private void Next()
    {
        if (_index < _lastIndex)
        {
            _index++;
            ReportLexicalErrors();
        }
    }

    private void ReportLexicalErrors()
    {
        while (_nextLexicalError < _lexicalErrors.Length && _lexicalErrors[_nextLexicalError].TokenIndex <= _index)
        {
            var error = _lexicalErrors[_nextLexicalError++];
            if (!_abandoned)
            {
                var length = error.Offset >= _text.Length ? 0 : char.IsHighSurrogate(_text[error.Offset]) && error.Offset + 1 < _text.Length ? 2 : 1;
                _diagnostics.Add(SyntaxError(new TextSpan(error.Offset, length), error.Message));
            }
        }
    }

    /// <summary>A parser error at the current token, dropped when the previous one was on the same line (upstream's <c>addErrorf</c>).</summary>
    private void AddError(string message)
    {
        var line = _source.Lines.GetLine(CurrentStart);
        if (line == _lastErrorLine)
        {
            return;
        }

        _lastErrorLine = line;
        AddDirect(CurrentSpan, message);
    }

    /// <summary>An error that bypasses same-line suppression.</summary>
    private void AddDirect(TextSpan span, string message)
    {
        if (!_abandoned)
        {
            _diagnostics.Add(SyntaxError(span, message));
        }
    }

    private static Diagnostic SyntaxError(TextSpan span, string message) =>
        new(AlloyParser.SyntaxErrorCode, Severity.Error, span, message);

    private TextSpan Expect(AlloyToken expected)
    {
        var span = CurrentSpan;
        if (Current != expected)
        {
            AddError($"expected {expected.Describe()}, got {Current.Describe()}");
        }

        Next();
        return span;
    }

    /// <summary>Skips to the next <paramref name="target"/> token (or EOF) without consuming it.</summary>
    private void Advance(AlloyToken target)
    {
        while (Current != AlloyToken.Eof && Current != target)
        {
            Next();
        }
    }

    /// <summary>
    /// Enters one nesting level (a block body, a bracket, a unary or power operand). Past the limit, or when the
    /// stack runs low, the parse is abandoned: one diagnostic, then every token reads as EOF so all levels unwind.
    /// </summary>
    private bool Enter()
    {
        if (_abandoned)
        {
            return false;
        }

        if (++_depth <= AlloyParser.MaxNestingDepth && RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return true;
        }

        AddDirect(CurrentSpan, $"nesting is too deep: more than {AlloyParser.MaxNestingDepth} levels of blocks, brackets or operators; the rest of the file was not parsed");
        _abandoned = true;
        _index = _lastIndex;
        return false;
    }

    private void Leave() => _depth--;

    /// <summary><c>Body = [ Statement { TERMINATOR Statement } ]</c>, up to <paramref name="until"/> (not consumed).</summary>
    private ImmutableArray<Statement> ParseBody(AlloyToken until)
    {
        var mark = _statements.Count;
        while (Current != until && Current != AlloyToken.Eof)
        {
            if (ParseStatement() is { } statement)
            {
                _statements.Add(statement);
            }

            if (Current == until)
            {
                break;
            }

            if (Current != AlloyToken.Terminator)
            {
                AddError($"expected TERMINATOR, got {Current.Describe()}");
                ConsumeStatement();
            }

            Next();
        }

        return Pop(_statements, mark);
    }

    /// <summary>Removes the items pushed since <paramref name="mark"/> and returns them.</summary>
    private static ImmutableArray<T> Pop<T>(List<T> stack, int mark)
    {
        var count = stack.Count - mark;
        if (count == 0)
        {
            return [];
        }

        var items = new T[count];
        stack.CopyTo(mark, items, 0, count);
        stack.RemoveRange(mark, count);
        return ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    /// <summary>Skips to a terminator outside any pair of brackets opened here.</summary>
    private void ConsumeStatement()
    {
        int curly = 0, bracket = 0, paren = 0;
        while (Current != AlloyToken.Eof)
        {
            switch (Current)
            {
                case AlloyToken.LCurly:
                    curly++;
                    break;
                case AlloyToken.RCurly:
                    curly--;
                    break;
                case AlloyToken.LBrack:
                    bracket++;
                    break;
                case AlloyToken.RBrack:
                    bracket--;
                    break;
                case AlloyToken.LParen:
                    paren++;
                    break;
                case AlloyToken.RParen:
                    paren--;
                    break;
                case AlloyToken.Terminator when curly <= 0 && bracket <= 0 && paren <= 0:
                    return;
            }

            Next();
        }
    }

    private Statement? ParseStatement()
    {
        var maybeName = ParseBlockName();
        if (maybeName is not { } name)
        {
            Advance(AlloyToken.Ident);
            return null;
        }

        switch (Current)
        {
            case AlloyToken.Assign:
                Next();
                if (name.Count != 1)
                {
                    var first = name.First.Span.Start;
                    var length = name.Parts.Sum(fragment => fragment.Name.Length) + name.Count - 1;
                    AddDirect(new TextSpan(first, length), "attribute names may only consist of a single identifier with no \".\"");
                }
                else if (name.Label is { } label)
                {
                    AddDirect(label.Span, "attribute names may not have labels");
                }

                return new AttributeStatement(name.First, ParseExpression());

            case AlloyToken.LCurly:
                var open = Expect(AlloyToken.LCurly);
                var statements = ImmutableArray<Statement>.Empty;
                if (Enter())
                {
                    statements = ParseBody(AlloyToken.RCurly);
                    Leave();
                }

                var body = new Body(statements, TextSpan.FromBounds(open.End, Math.Max(open.End, CurrentStart)));
                var close = Expect(AlloyToken.RCurly);
                return new BlockStatement(name.Parts, name.Label, open, body, close);

            default:
                AddError(name.Count == 1 && name.Label is not { Value.Length: > 0 }
                    ? $"expected attribute assignment or block body, got {Current.Describe()}"
                    : $"expected block body, got {Current.Describe()}");
                Advance(AlloyToken.Ident);
                return null;
        }
    }

    /// <summary>A parsed block name; <paramref name="Dotted"/> holds all parts when there was a dot (default otherwise).</summary>
    private readonly record struct BlockName(Identifier First, ImmutableArray<Identifier> Dotted, BlockLabel? Label)
    {
        public int Count => Dotted.IsDefault ? 1 : Dotted.Length;

        public ImmutableArray<Identifier> Parts => Dotted.IsDefault ? [First] : Dotted;
    }

    /// <summary><c>BlockName = identifier { "." identifier } [ string ]</c>.</summary>
    private BlockName? ParseBlockName()
    {
        if (Current != AlloyToken.Ident)
        {
            AddError($"expected identifier, got {Current.Describe()}");
            return null;
        }

        var first = new Identifier(CurrentText, CurrentSpan);
        var dotted = default(ImmutableArray<Identifier>);
        var mark = _nameParts.Count;
        Next();
        if (Current == AlloyToken.Dot)
        {
            _nameParts.Add(first);
        }

        while (Current == AlloyToken.Dot)
        {
            Next();
            if (Current != AlloyToken.Ident)
            {
                AddError($"expected identifier, got {Current.Describe()}");
            }

            _nameParts.Add(new Identifier(LiteralText(), CurrentSpan));
            Next();
        }

        BlockLabel? label = null;
        if (Current != AlloyToken.Assign && Current != AlloyToken.LCurly)
        {
            if (Current == AlloyToken.String)
            {
                var literal = CurrentText;
                if (literal[0] != '"')
                {
                    AddError($"expected block label to be a double quoted string, but got {GoText.Quote(literal)}");
                }

                var value = string.Empty;
                if (literal.Length > 2)
                {
                    value = literal[1..^1];
                    if (!Identifiers.IsValidIdentifier(value))
                    {
                        AddError($"expected block label to be a valid identifier, but got {GoText.Quote(value)}");
                    }
                }

                label = new BlockLabel(value, CurrentSpan);
            }
            else
            {
                AddError($"expected block label, got {Current.Describe()}");
            }

            Next();
        }

        if (_nameParts.Count > mark)
        {
            dotted = Pop(_nameParts, mark);
        }

        return new BlockName(first, dotted, label);
    }

    /// <summary>The literal upstream attaches to the current token: its text for names and literals, empty for operators.</summary>
    private string LiteralText() => Current switch
    {
        AlloyToken.Ident or AlloyToken.Number or AlloyToken.Float or AlloyToken.String or AlloyToken.Bool
            or AlloyToken.Null or AlloyToken.Illegal => CurrentText,
        _ => string.Empty,
    };

    /// <summary><c>Expression</c>: one expression, nothing required after it.</summary>
    public Expression ParseExpression() => ParseBinary(1);

    /// <summary>
    /// Left-associative binary operators of precedence <paramref name="minimum"/> and above (except <c>^</c>). Each
    /// operator of a chain nests the tree one level deeper, so it counts towards the nesting limit.
    /// </summary>
    private Expression ParseBinary(int minimum)
    {
        var left = ParsePower();
        var chained = 0;
        try
        {
            while (true)
            {
                var op = Current;
                var precedence = op.BinaryPrecedence();
                if (precedence < minimum || !Enter())
                {
                    return left;
                }

                chained++;
                var operatorSpan = CurrentSpan;
                Next();
                var right = ParseBinary(precedence + 1);
                left = new BinaryExpression(ToBinaryOperator(op), operatorSpan, left, right);
            }
        }
        finally
        {
            _depth -= chained;
        }
    }

    /// <summary><c>PowExpr = UnaryExpr [ "^" PowExpr ]</c> (right-associative).</summary>
    private Expression ParsePower()
    {
        var left = ParseUnary();
        if (Current != AlloyToken.Pow)
        {
            return left;
        }

        var operatorSpan = CurrentSpan;
        Next();
        if (!Enter())
        {
            return new BinaryExpression(BinaryOperator.Power, operatorSpan, left, Missing());
        }

        var right = ParsePower();
        Leave();
        return new BinaryExpression(BinaryOperator.Power, operatorSpan, left, right);
    }

    /// <summary><c>UnaryExpr = ( "!" | "-" ) UnaryExpr | PrimaryExpr { "." identifier | "[" Expression "]" | "(" [ ExpressionList ] ")" }</c>.</summary>
    private Expression ParseUnary()
    {
        if (!Enter())
        {
            return Missing();
        }

        try
        {
            if (Current is AlloyToken.Not or AlloyToken.Sub)
            {
                var op = Current == AlloyToken.Not ? UnaryOperator.Not : UnaryOperator.Negate;
                var operatorSpan = CurrentSpan;
                Next();
                return new UnaryExpression(op, operatorSpan, ParseUnary());
            }

            var primary = ParsePrimary();
            return ParsePostfix(primary);
        }
        finally
        {
            Leave();
        }
    }

    /// <summary>
    /// The <c>.name</c>, <c>[index]</c> and <c>(arguments)</c> after a primary expression. Each one nests the tree one
    /// level deeper, so it counts towards the nesting limit.
    /// </summary>
    private Expression ParsePostfix(Expression primary)
    {
        var chained = 0;
        try
        {
            while (true)
            {
                if (Current is AlloyToken.Dot or AlloyToken.LBrack or AlloyToken.LParen)
                {
                    if (!Enter())
                    {
                        return primary;
                    }

                    chained++;
                }

                switch (Current)
                {
                    case AlloyToken.Dot:
                        Next();
                        var nameText = Current == AlloyToken.Ident ? CurrentText : LiteralText();
                        var nameSpan = Expect(AlloyToken.Ident);
                        primary = new AccessExpression(primary, new Identifier(nameText, nameSpan));
                        break;

                    case AlloyToken.LBrack:
                        var openBracket = Expect(AlloyToken.LBrack);
                        var index = ParseExpression();
                        var closeBracket = Expect(AlloyToken.RBrack);
                        primary = new IndexExpression(primary, index, openBracket, closeBracket);
                        break;

                    case AlloyToken.LParen:
                        var openParen = Expect(AlloyToken.LParen);
                        var arguments = Current != AlloyToken.RParen ? ParseExpressionList(AlloyToken.RParen) : [];
                        var closeParen = Expect(AlloyToken.RParen);
                        primary = new CallExpression(primary, arguments, openParen, closeParen);
                        break;

                    case AlloyToken.String or AlloyToken.LCurly:
                        if (!SkipBlockUsedAsValue(primary))
                        {
                            return primary;
                        }

                        break;

                    default:
                        return primary;
                }
            }
        }
        finally
        {
            _depth -= chained;
        }
    }

    /// <summary>
    /// Upstream's recovery for <c>a = b "label" { ... }</c>: parse the block, report it as a value, keep going.
    /// Returns false when it was no block (the statement was skipped).
    /// </summary>
    private bool SkipBlockUsedAsValue(Expression primary)
    {
        if (Current == AlloyToken.String)
        {
            Next();
        }

        var isBlock = Current == AlloyToken.LCurly;
        Expect(AlloyToken.LCurly);
        if (!isBlock)
        {
            ConsumeStatement();
            return false;
        }

        if (Enter())
        {
            ParseBody(AlloyToken.RCurly);
            Leave();
        }

        var closed = Current == AlloyToken.RCurly;
        var close = Expect(AlloyToken.RCurly);
        if (!closed)
        {
            ConsumeStatement();
            return false;
        }

        AddDirect(TextSpan.FromBounds(primary.Span.Start, close.End), "cannot use a block as an expression");
        return true;
    }

    private Expression ParsePrimary()
    {
        switch (Current)
        {
            case AlloyToken.Ident:
                var identifier = new IdentifierExpression(new Identifier(CurrentText, CurrentSpan));
                Next();
                return identifier;

            case AlloyToken.String or AlloyToken.Number or AlloyToken.Float or AlloyToken.Bool or AlloyToken.Null:
                var literal = new LiteralExpression(ToLiteralKind(Current), CurrentText, CurrentSpan);
                Next();
                return literal;

            case AlloyToken.LParen:
                var openParen = Expect(AlloyToken.LParen);
                var inner = ParseExpression();
                var closeParen = Expect(AlloyToken.RParen);
                return new ParenExpression(inner, openParen, closeParen);

            case AlloyToken.LBrack:
                var openBracket = Expect(AlloyToken.LBrack);
                var elements = Current != AlloyToken.RBrack ? ParseExpressionList(AlloyToken.RBrack) : [];
                var closeBracket = Expect(AlloyToken.RBrack);
                return new ArrayExpression(elements, openBracket, closeBracket);

            case AlloyToken.LCurly:
                var openBrace = Expect(AlloyToken.LCurly);
                // Upstream tests for ']' here, not '}': "{]" reports "expected }, got ]".
                var fields = Current != AlloyToken.RBrack ? ParseFieldList(AlloyToken.RCurly) : [];
                var closeBrace = Expect(AlloyToken.RCurly);
                return new ObjectExpression(fields, openBrace, closeBrace);
        }

        AddError($"expected expression, got {Current.Describe()}");
        var missing = Missing();
        while (Current is not (AlloyToken.Eof or AlloyToken.Terminator or AlloyToken.RParen or AlloyToken.RCurly
            or AlloyToken.RBrack or AlloyToken.Comma))
        {
            Next();
        }

        return missing;
    }

    /// <summary>What stands for an expression that could not be parsed: <c>null</c>, zero-width at the current token.</summary>
    private LiteralExpression Missing() => new(LiteralKind.Null, "null", new TextSpan(CurrentStart, 0));

    /// <summary><c>ExpressionList = Expression { "," Expression } [ "," ]</c>.</summary>
    private ImmutableArray<Expression> ParseExpressionList(AlloyToken until)
    {
        var mark = _expressions.Count;
        while (Current != until && Current != AlloyToken.Eof)
        {
            _expressions.Add(ParseExpression());
            if (Current == until)
            {
                break;
            }

            if (Current != AlloyToken.Comma)
            {
                AddError("missing ',' in expression list");
            }

            Next();
        }

        return Pop(_expressions, mark);
    }

    /// <summary><c>FieldList = Field { "," Field } [ "," ]</c>.</summary>
    private ImmutableArray<ObjectField> ParseFieldList(AlloyToken until)
    {
        var mark = _fields.Count;
        while (Current != until && Current != AlloyToken.Eof)
        {
            _fields.Add(ParseField());
            if (Current == until)
            {
                break;
            }

            if (Current != AlloyToken.Comma)
            {
                AddError("missing ',' in field list");
            }

            Next();
        }

        return Pop(_fields, mark);
    }

    /// <summary><c>Field = ( string | identifier ) "=" Expression</c>; a quoted key keeps its raw text between the quotes.</summary>
    private ObjectField ParseField()
    {
        string key;
        var quoted = false;
        var keySpan = CurrentSpan;
        if (Current is AlloyToken.String or AlloyToken.Ident)
        {
            key = CurrentText;
            if (Current == AlloyToken.String && key.Length > 2)
            {
                key = key[1..^1];
                quoted = true;
            }

            Next();
        }
        else
        {
            key = string.Empty;
            keySpan = new TextSpan(CurrentStart, 0);
            AddError($"expected field name (string or identifier), got {Current.Describe()}");
            Advance(AlloyToken.Assign);
        }

        Expect(AlloyToken.Assign);
        return new ObjectField(key, quoted, keySpan, ParseExpression());
    }

    private static LiteralKind ToLiteralKind(AlloyToken token) => token switch
    {
        AlloyToken.Number => LiteralKind.Number,
        AlloyToken.Float => LiteralKind.Float,
        AlloyToken.String => LiteralKind.String,
        AlloyToken.Bool => LiteralKind.Bool,
        _ => LiteralKind.Null,
    };

    private static BinaryOperator ToBinaryOperator(AlloyToken token) => token switch
    {
        AlloyToken.Or => BinaryOperator.Or,
        AlloyToken.And => BinaryOperator.And,
        AlloyToken.Eq => BinaryOperator.Equal,
        AlloyToken.Neq => BinaryOperator.NotEqual,
        AlloyToken.Lt => BinaryOperator.Less,
        AlloyToken.Lte => BinaryOperator.LessOrEqual,
        AlloyToken.Gt => BinaryOperator.Greater,
        AlloyToken.Gte => BinaryOperator.GreaterOrEqual,
        AlloyToken.Add => BinaryOperator.Add,
        AlloyToken.Sub => BinaryOperator.Subtract,
        AlloyToken.Mul => BinaryOperator.Multiply,
        AlloyToken.Div => BinaryOperator.Divide,
        AlloyToken.Mod => BinaryOperator.Modulo,
        AlloyToken.Pow => BinaryOperator.Power,
        _ => throw new ArgumentOutOfRangeException(nameof(token), token, null),
    };
}
