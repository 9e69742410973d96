using System.Collections.Immutable;
using AlloyLint.Parser.Lexing;
using AlloyLint.Parser.Tree;
using Superpower;
using Superpower.Model;
using TextSpan = AlloyLint.Parser.Text.TextSpan;

namespace AlloyLint.Parser.Parsing;

/// <summary>
/// Alloy's grammar (alloy-syntax.md) as Superpower token-list parsers, with upstream's precedence, error messages and
/// recovery. Like upstream's parser, the rules never fail on bad input: they report into the <see cref="ParseSession"/>
/// and go on as upstream does, so a file yields every error upstream reports. A rule fails only where the grammar
/// offers a choice and the current token starts none of it, without consuming anything, which is what <c>Or</c>
/// builds on. Parenthesized expressions, arrays, objects, and index and call suffixes are combinators; the rules
/// every token passes through (the statement loop, statements and their names, block bodies, object fields, list
/// items, operators, postfix chains, primaries) and upstream's recovery loops are hand-written, each saying why on its
/// first line. Below the statement loop these are methods returning <see cref="Parsed{T}"/>: the AOT compiler copies
/// each Superpower result (about 100 bytes) returned through a helper with write barriers.
/// </summary>
internal static class AlloyGrammar
{
    // ----- Tokens -----

    /// <summary>A token of kind <paramref name="kind"/>.</summary>
    // Hand-written: Superpower's Token.EqualTo boxes the token kind on every call (48 bytes a token), and tokens are read through the session.
    private static TokenListParser<AlloyToken, Token<AlloyToken>> Is(AlloyToken kind) => input =>
    {
        var session = ParseSession.Current;
        return session.Kind(input) != kind
            ? TokenListParserResult.Empty<AlloyToken, Token<AlloyToken>>(input)
            : TokenListParserResult.Value(session.Token(input), input, session.Next(input));
    };

    /// <summary>Succeeds without consuming when the current token is <paramref name="kind"/>.</summary>
    // Hand-written: Superpower has no positive look-ahead.
    private static TokenListParser<AlloyToken, Unit> LookingAt(AlloyToken kind) => input =>
        ParseSession.Current.Kind(input) == kind
            ? TokenListParserResult.Value(Unit.Value, input, input)
            : TokenListParserResult.Empty<AlloyToken, Unit>(input);

    /// <summary>Upstream's <c>expect</c>: the span of the current token, which is consumed even when it is not <paramref name="kind"/>.</summary>
    // Hand-written: upstream reports the wrong token and consumes it all the same.
    private static TokenListParser<AlloyToken, TextSpan> Expect(AlloyToken kind) => input =>
    {
        var remainder = input;
        var span = Expect(ParseSession.Current, ref remainder, kind);
        return TokenListParserResult.Value(span, input, remainder);
    };

    /// <summary><see cref="Expect(AlloyToken)"/> for the hand-written rules: moves <paramref name="at"/> past the token.</summary>
    private static TextSpan Expect(ParseSession session, ref TokenList<AlloyToken> at, AlloyToken kind)
    {
        var actual = session.Kind(at);
        var span = session.Span(at);
        if (actual != kind)
        {
            session.AddError(at, $"expected {kind.Describe()}, got {actual.Describe()}");
        }

        at = session.Next(at);
        return span;
    }

    /// <summary>
    /// A name after a dot: the token at <paramref name="at"/> as an identifier, reported as "expected
    /// <paramref name="expected"/>" when it is none. The caller consumes the token either way.
    /// </summary>
    // Hand-written: upstream's expect, keeping the token's literal as the name.
    private static Identifier ExpectName(ParseSession session, TokenList<AlloyToken> at, string expected)
    {
        var name = new Identifier(session.LiteralText(at), session.Span(at));
        if (session.Kind(at) != AlloyToken.Ident)
        {
            session.AddError(at, $"expected {expected}, got {session.Kind(at).Describe()}");
        }

        return name;
    }

    // ----- Expressions -----

    /// <summary>No expression starts here: upstream reports it and skips to a token that can end an expression.</summary>
    // Hand-written: upstream's recovery.
    private static readonly TokenListParser<AlloyToken, Expression> InvalidExpression = input =>
    {
        var session = ParseSession.Current;
        session.AddError(input, $"expected expression, got {session.Kind(input).Describe()}");
        var missing = LiteralExpression.Placeholder(session.Span(input).Start);
        var remainder = input;
        while (session.Kind(remainder) is not (AlloyToken.Eof or AlloyToken.Terminator or AlloyToken.RParen
            or AlloyToken.RCurly or AlloyToken.RBrack or AlloyToken.Comma))
        {
            remainder = session.Next(remainder);
        }

        return TokenListParserResult.Value<AlloyToken, Expression>(missing, input, remainder);
    };

    /// <summary><c>"(" Expression ")"</c>.</summary>
    private static readonly TokenListParser<AlloyToken, Expression> ParenExpr =
        Parse.Sequence(Is(AlloyToken.LParen), Parse.Ref(() => Expression!), Expect(AlloyToken.RParen))
            .Select(p => (Expression)new ParenExpression(p.Item2, ParseSession.SpanOf(p.Item1), p.Item3));

    /// <summary><c>ExpressionList = Expression { "," Expression } [ "," ]</c> up to <c>]</c> or <c>)</c>.</summary>
    private static TokenListParser<AlloyToken, NodeList<Expression>> ExpressionList(AlloyToken until) =>
        DelimitedUntil((session, at) => Binary(session, at, 1), until, "missing ',' in expression list", session => session.Expressions);

    /// <summary><c>"[" [ ExpressionList ] "]"</c>.</summary>
    private static readonly TokenListParser<AlloyToken, Expression> ArrayExpr =
        Parse.Sequence(Is(AlloyToken.LBrack), ExpressionList(AlloyToken.RBrack), Expect(AlloyToken.RBrack))
            .Select(a => (Expression)new ArrayExpression(a.Item2, ParseSession.SpanOf(a.Item1), a.Item3));

    /// <summary><c>Field = ( string | identifier ) "=" Expression</c>; a quoted key keeps its raw text between the quotes.</summary>
    // Hand-written: every field passes through it (see Parsed), and upstream reports a missing key and skips to the next "=".
    private static Parsed<ObjectField> Field(ParseSession session, TokenList<AlloyToken> at)
    {
        var kind = session.Kind(at);
        var keySpan = session.Span(at);
        string key;
        var quoted = false;
        if (kind is AlloyToken.String or AlloyToken.Ident)
        {
            // A quoted key is interned without its quotes, as a name is.
            quoted = kind == AlloyToken.String && keySpan.Length > 2;
            key = quoted ? session.Intern(new TextSpan(keySpan.Start + 1, keySpan.Length - 2)) : session.TextOf(session.Token(at));
            at = session.Next(at);
        }
        else
        {
            key = string.Empty;
            keySpan = new TextSpan(keySpan.Start, 0);
            session.AddError(at, $"expected field name (string or identifier), got {kind.Describe()}");
            at = session.SkipTo(at, AlloyToken.Assign);
        }

        Expect(session, ref at, AlloyToken.Assign);
        var value = Binary(session, at, 1);
        return new Parsed<ObjectField>(new ObjectField(key, quoted, keySpan, value.Value), value.Remainder);
    }

    /// <summary><c>FieldList = Field { "," Field } [ "," ]</c>; upstream reads none when the object starts with <c>]</c>.</summary>
    private static readonly TokenListParser<AlloyToken, NodeList<ObjectField>> FieldList =
        LookingAt(AlloyToken.RBrack).Value(default(NodeList<ObjectField>))
            .Or(DelimitedUntil(Field, AlloyToken.RCurly, "missing ',' in field list", session => session.Fields));

    /// <summary><c>"{" [ FieldList ] "}"</c>.</summary>
    private static readonly TokenListParser<AlloyToken, Expression> ObjectExpr =
        Parse.Sequence(Is(AlloyToken.LCurly), FieldList, Expect(AlloyToken.RCurly))
            .Select(o => (Expression)new ObjectExpression(o.Item2, ParseSession.SpanOf(o.Item1), o.Item3));

    /// <summary><c>PrimaryExpr = identifier | literal | "(" Expression ")" | array | object</c>.</summary>
    // Hand-written for speed: names and literals, a third of all tokens, are built here without a parser call each.
    private static Parsed<Expression> Primary(ParseSession session, TokenList<AlloyToken> input)
    {
        var kind = session.Kind(input);
        switch (kind)
        {
            case AlloyToken.Ident:
                var name = session.Token(input);
                return new Parsed<Expression>(new IdentifierExpression(Name(name)), session.Next(input));
            case AlloyToken.String or AlloyToken.Number or AlloyToken.Float or AlloyToken.Bool or AlloyToken.Null:
                var literal = session.Token(input);
                return new Parsed<Expression>(new LiteralExpression(ToLiteralKind(kind), session.TextOf(literal), ParseSession.SpanOf(literal)), session.Next(input));
            case AlloyToken.LParen:
                return new Parsed<Expression>(ParenExpr(input));
            case AlloyToken.LBrack:
                return new Parsed<Expression>(ArrayExpr(input));
            case AlloyToken.LCurly:
                return new Parsed<Expression>(ObjectExpr(input));
            default:
                return new Parsed<Expression>(InvalidExpression(input));
        }
    }

    /// <summary>What the error for a bad name after a dot says was expected.</summary>
    private static readonly string MemberExpected = AlloyToken.Ident.Describe();

    /// <summary><c>"[" Expression "]"</c>.</summary>
    private static readonly TokenListParser<AlloyToken, (Token<AlloyToken> Open, Expression Index, TextSpan Close)> Index =
        Parse.Sequence(Is(AlloyToken.LBrack), Parse.Ref(() => Expression!), Expect(AlloyToken.RBrack));

    /// <summary><c>"(" [ ExpressionList ] ")"</c>.</summary>
    private static readonly TokenListParser<AlloyToken, (Token<AlloyToken> Open, NodeList<Expression> Arguments, TextSpan Close)> Call =
        Parse.Sequence(Is(AlloyToken.LParen), ExpressionList(AlloyToken.RParen), Expect(AlloyToken.RParen));

    /// <summary><c>PostfixExpr = PrimaryExpr { "." identifier | "[" Expression "]" | "(" [ ExpressionList ] ")" }</c>.</summary>
    // Hand-written: a left fold whose every suffix is a nesting level, with upstream's recovery for a block used as a value.
    private static Parsed<Expression> Postfix(ParseSession session, TokenList<AlloyToken> input)
    {
        var primary = Primary(session, input);
        var expression = primary.Value;
        var remainder = primary.Remainder;
        var depth = session.Depth;
        while (true)
        {
            var kind = session.Kind(remainder);
            if (kind is AlloyToken.Dot or AlloyToken.LBrack or AlloyToken.LParen)
            {
                if (!session.Enter(remainder))
                {
                    break;
                }

                switch (kind)
                {
                    case AlloyToken.Dot:
                        var member = session.Next(remainder);
                        expression = new AccessExpression(expression, ExpectName(session, member, MemberExpected));
                        remainder = session.Next(member);
                        break;
                    case AlloyToken.LBrack:
                        var index = Index(remainder);
                        expression = new IndexExpression(expression, index.Value.Index, ParseSession.SpanOf(index.Value.Open), index.Value.Close);
                        remainder = index.Remainder;
                        break;
                    default:
                        var call = Call(remainder);
                        expression = new CallExpression(expression, call.Value.Arguments, ParseSession.SpanOf(call.Value.Open), call.Value.Close);
                        remainder = call.Remainder;
                        break;
                }
            }
            else if (kind is AlloyToken.String or AlloyToken.LCurly)
            {
                var block = BlockUsedAsValue(expression, remainder);
                remainder = block.Remainder;
                if (!block.Value)
                {
                    break;
                }
            }
            else
            {
                break;
            }
        }

        session.Depth = depth;
        return new Parsed<Expression>(expression, remainder);
    }

    /// <summary>
    /// Upstream's recovery for <c>a = b "label" { ... }</c>: parse the block, report it as a value, keep going.
    /// False when it was no block (the statement was skipped).
    /// </summary>
    private static TokenListParserResult<AlloyToken, bool> BlockUsedAsValue(Expression target, TokenList<AlloyToken> input)
    {
        var session = ParseSession.Current;
        var at = session.Kind(input) == AlloyToken.String ? session.Next(input) : input;
        if (session.Kind(at) != AlloyToken.LCurly)
        {
            at = Expect(AlloyToken.LCurly)(at).Remainder;
            return TokenListParserResult.Value(false, input, SkipStatement(at));
        }

        var block = BlockBody(session, at);
        var close = block.Value.Close;
        if (close.Length != 1 || session.Text[close.Start] != '}')
        {
            return TokenListParserResult.Value(false, input, SkipStatement(block.Remainder));
        }

        session.AddDirect(block.Remainder, TextSpan.FromBounds(target.Span.Start, close.End), "cannot use a block as an expression");
        return TokenListParserResult.Value(true, input, block.Remainder);
    }

    /// <summary>
    /// <c>Expression = UnaryExpr | Expression binary_op Expression</c>, by upstream's precedence: <c>||</c> binds
    /// loosest, then <c>&amp;&amp;</c>, comparisons, <c>+ -</c>, <c>* / %</c>, and <c>^</c> (right-associative) tightest.
    /// Each operator nests the tree one level deeper and counts towards the nesting limit.
    /// </summary>
    // Hand-written for speed: every expression passes all six precedence levels, which precedence climbing does in one frame.
    public static readonly TokenListParser<AlloyToken, Expression> Expression = input =>
    {
        var expression = Binary(ParseSession.Current, input, 1);
        return TokenListParserResult.Value(expression.Value, input, expression.Remainder);
    };

    /// <summary>
    /// What a hand-written rule read and the tokens after it. Rules that every token passes through hand these to each
    /// other rather than Superpower's results, which are about 100 bytes and cost a helper call to copy.
    /// </summary>
    private readonly record struct Parsed<T>(T Value, TokenList<AlloyToken> Remainder)
    {
        public Parsed(TokenListParserResult<AlloyToken, T> result)
            : this(result.Value, result.Remainder)
        {
        }
    }

    /// <summary>Left-associative binary operators of precedence <paramref name="minimum"/> and above (except <c>^</c>).</summary>
    private static Parsed<Expression> Binary(ParseSession session, TokenList<AlloyToken> input, int minimum)
    {
        var left = IsLoneOperand(session, input) ? LoneOperand(session, input) : Power(session, input);
        var expression = left.Value;
        var remainder = left.Remainder;
        var depth = session.Depth;
        while (true)
        {
            var op = session.Kind(remainder);
            var precedence = op.BinaryPrecedence();
            if (precedence < minimum || !session.Enter(remainder))
            {
                break;
            }

            var operatorSpan = session.Span(remainder);
            var right = Binary(session, session.Next(remainder), precedence + 1);
            expression = new BinaryExpression(ToBinaryOperator(op), operatorSpan, expression, right.Value);
            remainder = right.Remainder;
        }

        session.Depth = depth;
        return new Parsed<Expression>(expression, remainder);
    }

    /// <summary>
    /// A name or literal that a comma, a line end, a closing bracket or the end of the file follows: no operator,
    /// suffix or block can come next, so the levels between <see cref="Binary"/> and <see cref="Primary"/> would
    /// pass it through. Most values are one.
    /// </summary>
    private static bool IsLoneOperand(ParseSession session, TokenList<AlloyToken> at) =>
        session.Kind(at) is AlloyToken.Ident or AlloyToken.String or AlloyToken.Number or AlloyToken.Float or AlloyToken.Bool or AlloyToken.Null
        && session.Kind(session.Next(at)) is AlloyToken.Terminator or AlloyToken.Comma or AlloyToken.RBrack or AlloyToken.RCurly
            or AlloyToken.RParen or AlloyToken.Eof;

    /// <summary>A lone operand (<see cref="IsLoneOperand"/>), read as <see cref="Unary"/> would: one nesting level.</summary>
    private static Parsed<Expression> LoneOperand(ParseSession session, TokenList<AlloyToken> at)
    {
        if (!session.Enter(at))
        {
            return new Parsed<Expression>(LiteralExpression.Placeholder(session.Span(at).Start), at);
        }

        var operand = Primary(session, at);
        session.Leave();
        return operand;
    }

    /// <summary><c>PowExpr = UnaryExpr [ "^" PowExpr ]</c>: right-associative, each right operand a nesting level.</summary>
    private static Parsed<Expression> Power(ParseSession session, TokenList<AlloyToken> input)
    {
        var left = Unary(session, input);
        if (session.Kind(left.Remainder) != AlloyToken.Pow)
        {
            return left;
        }

        var operatorSpan = session.Span(left.Remainder);
        var next = session.Next(left.Remainder);
        if (!session.Enter(next))
        {
            return new Parsed<Expression>(new BinaryExpression(BinaryOperator.Power, operatorSpan, left.Value, LiteralExpression.Placeholder(session.Span(next).Start)), next);
        }

        var right = Power(session, next);
        session.Leave();
        return new Parsed<Expression>(new BinaryExpression(BinaryOperator.Power, operatorSpan, left.Value, right.Value), right.Remainder);
    }

    /// <summary><c>UnaryExpr = ( "!" | "-" ) UnaryExpr | PostfixExpr</c>, each one a nesting level.</summary>
    private static Parsed<Expression> Unary(ParseSession session, TokenList<AlloyToken> input)
    {
        if (!session.Enter(input))
        {
            return new Parsed<Expression>(LiteralExpression.Placeholder(session.Span(input).Start), input);
        }

        Parsed<Expression> result;
        var op = session.Kind(input);
        if (op is AlloyToken.Not or AlloyToken.Sub)
        {
            var operatorSpan = session.Span(input);
            var operand = Unary(session, session.Next(input));
            var unary = new UnaryExpression(op == AlloyToken.Not ? UnaryOperator.Not : UnaryOperator.Negate, operatorSpan, operand.Value);
            result = new Parsed<Expression>(unary, operand.Remainder);
        }
        else
        {
            result = Postfix(session, input);
        }

        session.Leave();
        return result;
    }

    /// <summary>One expression followed by a terminator, as upstream's public <c>ParseExpression</c>.</summary>
    public static readonly TokenListParser<AlloyToken, Expression> StandaloneExpression =
        Parse.Sequence(Expression, Expect(AlloyToken.Terminator)).Select(s => s.Item1);

    // ----- Statements -----

    /// <summary>
    /// A parsed block name: <paramref name="Name"/> joins its <paramref name="Count"/> parts by dots, the first of which
    /// is at <paramref name="FirstSpan"/>, and <paramref name="PartsWrittenApart"/> holds the parts only when something
    /// stands between a part and a dot.
    /// </summary>
    private readonly record struct BlockName(TextSpan FirstSpan, string Name, TextSpan Span, int Count, ImmutableArray<Identifier> PartsWrittenApart);

    /// <summary><c>identifier { "." identifier }</c>, from an identifier at <paramref name="at"/>, which it moves past the name.</summary>
    // Hand-written: a name written in one run (identifiers and dots with nothing between them, nearly every name)
    // becomes one interned string, its parts read but not kept.
    private static BlockName DottedName(ParseSession session, ref TokenList<AlloyToken> at)
    {
        var first = at;
        var firstSpan = session.Span(at);
        var end = firstSpan.End;
        var count = 1;
        at = session.Next(at);
        while (session.Kind(at) == AlloyToken.Dot)
        {
            var partAt = session.Next(at);
            if (session.Kind(partAt) != AlloyToken.Ident || session.Span(partAt).Start != end + 1)
            {
                return DottedNameWrittenApart(session, first, ref at);
            }

            end = session.Span(partAt).End;
            count++;
            at = session.Next(partAt);
        }

        var span = TextSpan.FromBounds(firstSpan.Start, end);
        return new BlockName(firstSpan, session.Intern(span), span, count, default);
    }

    /// <summary>
    /// A name with spaces or comments around a dot, or a part that is not an identifier (a syntax error, reported here):
    /// read again from its first part at <paramref name="first"/>, keeping the parts.
    /// </summary>
    private static BlockName DottedNameWrittenApart(ParseSession session, TokenList<AlloyToken> first, ref TokenList<AlloyToken> at)
    {
        var stack = session.NameParts;
        var mark = stack.Count;
        stack.Push(Name(session.Token(first)));
        at = session.Next(first);
        while (session.Kind(at) == AlloyToken.Dot)
        {
            var partAt = session.Next(at);
            stack.Push(ExpectName(session, partAt, "identifier"));
            at = session.Next(partAt);
        }

        var parts = stack.Pop(mark);
        var span = TextSpan.FromBounds(parts[0].Span.Start, parts[^1].Span.End);
        return new BlockName(parts[0].Span, string.Join('.', parts.Select(part => part.Name)), span, parts.Length, parts);
    }

    /// <summary>The optional block label at <paramref name="at"/>: any token but <c>=</c> and <c>{</c> is taken for one, checked and passed.</summary>
    // Hand-written: upstream reads whatever stands before "=" or "{" as the label and reports what is wrong with it.
    private static BlockLabel? Label(ParseSession session, ref TokenList<AlloyToken> at)
    {
        var kind = session.Kind(at);
        if (kind is AlloyToken.Assign or AlloyToken.LCurly)
        {
            return null;
        }

        BlockLabel? label = null;
        if (kind == AlloyToken.String)
        {
            var span = session.Span(at);
            if (session.Text[span.Start] != '"')
            {
                session.AddError(at, $"expected block label to be a double quoted string, but got {GoText.Quote(session.Text.Slice(span).ToString())}");
            }

            var value = string.Empty;
            if (span.Length > 2)
            {
                // Interned without its quotes: the label is the name that references to the block use.
                value = session.Intern(new TextSpan(span.Start + 1, span.Length - 2));
                if (!Identifiers.IsValidIdentifier(value))
                {
                    session.AddError(at, $"expected block label to be a valid identifier, but got {GoText.Quote(value)}");
                }
            }

            label = new BlockLabel(value, span);
        }
        else
        {
            session.AddError(at, $"expected block label, got {kind.Describe()}");
        }

        at = session.Next(at);
        return label;
    }

    private readonly record struct BlockBodyParse(TextSpan Open, Body Body, TextSpan Close);

    /// <summary><c>"{" Body "}"</c> from the <c>{</c> at <paramref name="at"/>, the body one nesting level deeper.</summary>
    // Hand-written: every block passes through it (see Parsed); past the nesting limit the body is empty.
    private static Parsed<BlockBodyParse> BlockBody(ParseSession session, TokenList<AlloyToken> at)
    {
        var open = session.Span(at);
        var remainder = session.Next(at);
        var statements = default(NodeList<Statement>);
        if (session.Enter(remainder))
        {
            var inside = StatementList(session, remainder, AlloyToken.RCurly);
            session.Leave();
            statements = session.Statements.PopList(inside.Value);
            remainder = inside.Remainder;
        }

        var close = Expect(session, ref remainder, AlloyToken.RCurly);
        var body = new Body(statements, TextSpan.FromBounds(open.End, Math.Max(open.End, close.Start)));
        return new Parsed<BlockBodyParse>(new BlockBodyParse(open, body, close), remainder);
    }

    /// <summary>
    /// <c>Statement = Attribute | Block</c>, told apart by the token after
    /// <c>BlockName = identifier { "." identifier } [ string ]</c>; null when none could be read.
    /// </summary>
    // Hand-written: upstream reads the name first, then decides, and reports a missing name or body and skips on.
    private static Parsed<Statement?> Statement(ParseSession session, TokenList<AlloyToken> input)
    {
        if (session.Kind(input) != AlloyToken.Ident)
        {
            session.AddError(input, $"expected identifier, got {session.Kind(input).Describe()}");
            return new Parsed<Statement?>(null, session.SkipTo(input, AlloyToken.Ident));
        }

        var remainder = input;
        var name = DottedName(session, ref remainder);
        var label = Label(session, ref remainder);
        return session.Kind(remainder) switch
        {
            AlloyToken.Assign => Attribute(session, name, label, session.Next(remainder)),
            AlloyToken.LCurly => Block(session, name, label, remainder),
            _ => NoStatement(session, name, label, remainder),
        };
    }

    /// <summary><c>Attribute = identifier "=" Expression</c>, from after the <c>=</c>.</summary>
    private static Parsed<Statement?> Attribute(ParseSession session, BlockName name, BlockLabel? label, TokenList<AlloyToken> value)
    {
        if (name.Count != 1)
        {
            session.AddDirect(value, new TextSpan(name.FirstSpan.Start, name.Name.Length), "attribute names may only consist of a single identifier with no \".\"");
        }
        else if (label is { } written)
        {
            session.AddDirect(value, written.Span, "attribute names may not have labels");
        }

        var expression = Binary(session, value, 1);
        // A name of one part is its first part; a dotted one is an error, and the attribute is named by its first part.
        var attributeName = name.Count == 1 ? name.Name : session.Intern(name.FirstSpan);
        return new Parsed<Statement?>(new AttributeStatement(new Identifier(attributeName, name.FirstSpan), expression.Value), expression.Remainder);
    }

    /// <summary><c>Block = BlockName "{" Body "}"</c>, from the <c>{</c>.</summary>
    private static Parsed<Statement?> Block(ParseSession session, BlockName name, BlockLabel? label, TokenList<AlloyToken> body)
    {
        var block = BlockBody(session, body);
        var statement = new BlockStatement(name.Name, name.Span, name.PartsWrittenApart, label, block.Value.Open, block.Value.Body, block.Value.Close);
        return new Parsed<Statement?>(statement, block.Remainder);
    }

    /// <summary>A name followed by neither <c>=</c> nor <c>{</c>: reported, and skipped to the next identifier.</summary>
    private static Parsed<Statement?> NoStatement(ParseSession session, BlockName name, BlockLabel? label, TokenList<AlloyToken> at)
    {
        var kind = session.Kind(at).Describe();
        session.AddError(at, name.Count == 1 && label is not { Value.Length: > 0 }
            ? $"expected attribute assignment or block body, got {kind}"
            : $"expected block body, got {kind}");
        return new Parsed<Statement?>(null, session.SkipTo(at, AlloyToken.Ident));
    }

    /// <summary>
    /// <c>Body = [ Statement { TERMINATOR Statement } ]</c>, up to <paramref name="until"/> (not consumed), pushed on
    /// <see cref="ParseSession.Statements"/>: the value is the stack's count before them, for the caller to pop them.
    /// </summary>
    // Hand-written: upstream's statement loop, which reports a missing terminator, skips the rest of the statement and goes on.
    private static Parsed<int> StatementList(ParseSession session, TokenList<AlloyToken> input, AlloyToken until)
    {
        var stack = session.Statements;
        var mark = stack.Count;
        var remainder = input;
        while (session.Kind(remainder) != until && session.Kind(remainder) != AlloyToken.Eof)
        {
            var statement = Statement(session, remainder);
            if (statement.Value is { } parsed)
            {
                stack.Push(parsed);
            }

            remainder = statement.Remainder;
            var kind = session.Kind(remainder);
            if (kind == until)
            {
                break;
            }

            if (kind != AlloyToken.Terminator)
            {
                session.AddError(remainder, $"expected TERMINATOR, got {kind.Describe()}");
                remainder = SkipStatement(remainder);
            }

            remainder = session.Next(remainder);
        }

        return new Parsed<int>(mark, remainder);
    }

    /// <summary><c>File = Body EOF</c>: the top-level statements, in an array of their own.</summary>
    public static readonly TokenListParser<AlloyToken, ImmutableArray<Statement>> File = input =>
    {
        var session = ParseSession.Current;
        var statements = StatementList(session, input, AlloyToken.Eof);
        return TokenListParserResult.Value(session.Statements.Pop(statements.Value), input, statements.Remainder);
    };

    // ----- Helpers -----

    /// <summary>
    /// <c>item { "," item } [ "," ]</c> up to <paramref name="until"/> (not consumed), collected on a reused stack.
    /// </summary>
    // Hand-written: upstream reports a missing ',' and keeps reading items.
    private static TokenListParser<AlloyToken, NodeList<T>> DelimitedUntil<T>(
        Func<ParseSession, TokenList<AlloyToken>, Parsed<T>> item, AlloyToken until, string missingComma, Func<ParseSession, ScratchStack<T>> stackOf) => input =>
    {
        var session = ParseSession.Current;
        var stack = stackOf(session);
        var mark = stack.Count;
        var remainder = input;
        while (session.Kind(remainder) != until && session.Kind(remainder) != AlloyToken.Eof)
        {
            var parsed = item(session, remainder);
            stack.Push(parsed.Value);
            remainder = parsed.Remainder;
            var kind = session.Kind(remainder);
            if (kind == until)
            {
                break;
            }

            if (kind != AlloyToken.Comma)
            {
                session.AddError(remainder, missingComma);
            }

            remainder = session.Next(remainder);
        }

        return TokenListParserResult.Value(stack.PopList(mark), input, remainder);
    };

    /// <summary>Skips to a terminator outside any pair of brackets opened while skipping.</summary>
    private static TokenList<AlloyToken> SkipStatement(TokenList<AlloyToken> at)
    {
        var session = ParseSession.Current;
        int curly = 0, bracket = 0, paren = 0;
        for (var kind = session.Kind(at); kind != AlloyToken.Eof; at = session.Next(at), kind = session.Kind(at))
        {
            switch (kind)
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
                    return at;
            }
        }

        return at;
    }

    private static Identifier Name(Token<AlloyToken> token) => new(ParseSession.Current.TextOf(token), ParseSession.SpanOf(token));

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
