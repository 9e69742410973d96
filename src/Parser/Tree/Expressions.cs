using System.Runtime.CompilerServices;
using AlloyLint.Parser.Text;

namespace AlloyLint.Parser.Tree;

public abstract class Expression : SyntaxNode
{
    /// <summary>The start of <paramref name="bracket"/>, an opening bracket: the parser reads one character for it.</summary>
    private protected static int OneCharacter(TextSpan bracket, [CallerArgumentExpression(nameof(bracket))] string name = "") => bracket.Length == 1
        ? bracket.Start
        : throw SpanError(bracket, "is not one character long", name);
}

public enum LiteralKind : byte
{
    Number,
    Float,
    String,
    Bool,
    Null,
}

/// <summary>A literal; <see cref="RawText"/> is its exact source text (strings keep their quotes or backticks).</summary>
public sealed class LiteralExpression : Expression
{
    // The span's length is the raw text's (0 for a placeholder): keeping only its start makes the most numerous
    // node 8 bytes smaller.
    private readonly int _start;
    private readonly bool _isPlaceholder;

    /// <exception cref="ArgumentException"><paramref name="span"/> is not as long as <paramref name="rawText"/>.</exception>
    public LiteralExpression(LiteralKind kind, string rawText, TextSpan span)
        : this(kind, rawText, span.Start, isPlaceholder: false)
    {
        if (span.Length != rawText.Length)
        {
            throw new ArgumentException($"The span {span} does not cover the {rawText.Length} characters of the literal.", nameof(span));
        }
    }

    private LiteralExpression(LiteralKind kind, string rawText, int start, bool isPlaceholder)
    {
        Kind = kind;
        RawText = rawText;
        _start = start;
        _isPlaceholder = isPlaceholder;
    }

    public LiteralKind Kind { get; }

    public string RawText { get; }

    public override TextSpan Span => new(_start, _isPlaceholder ? 0 : RawText.Length);

    public override IEnumerable<SyntaxNode> ChildNodes() => [];

    /// <summary>What the parser puts where an expression is missing (a syntax error): <c>null</c>, with an empty span.</summary>
    internal static LiteralExpression Placeholder(int offset) => new(LiteralKind.Null, "null", offset, isPlaceholder: true);
}

public sealed class IdentifierExpression(Identifier identifier) : Expression
{
    public Identifier Identifier { get; } = identifier;

    public string Name => Identifier.Name;

    public override TextSpan Span => Identifier.Span;

    public override IEnumerable<SyntaxNode> ChildNodes() => [];
}

public sealed class ArrayExpression : Expression
{
    // The elements packed (NodeList.Pack) and the bracket's start (a "[" is one character): the node is 8 bytes smaller.
    private readonly Expression[]? _elements;
    private readonly int _elementRun;
    private readonly int _openBracketStart;

    /// <exception cref="ArgumentException"><paramref name="openBracket"/> is not one character long.</exception>
    public ArrayExpression(NodeList<Expression> elements, TextSpan openBracket, TextSpan closeBracket)
    {
        (_elements, _elementRun) = elements.Pack();
        _openBracketStart = OneCharacter(openBracket);
        CloseBracket = closeBracket;
    }

    public NodeList<Expression> Elements => NodeList<Expression>.Unpack(_elements, _elementRun);

    public TextSpan OpenBracket => new(_openBracketStart, 1);

    public TextSpan CloseBracket { get; }

    public override TextSpan Span => TextSpan.FromBounds(OpenBracket.Start, CloseBracket.End);

    public override IEnumerable<SyntaxNode> ChildNodes() => Elements;
}

public sealed class ObjectExpression : Expression
{
    // The fields packed (NodeList.Pack) and the brace's start (a "{" is one character): the node is 8 bytes smaller.
    private readonly ObjectField[]? _fields;
    private readonly int _fieldRun;
    private readonly int _openBraceStart;

    /// <exception cref="ArgumentException"><paramref name="openBrace"/> is not one character long.</exception>
    public ObjectExpression(NodeList<ObjectField> fields, TextSpan openBrace, TextSpan closeBrace)
    {
        (_fields, _fieldRun) = fields.Pack();
        _openBraceStart = OneCharacter(openBrace);
        CloseBrace = closeBrace;
    }

    public NodeList<ObjectField> Fields => NodeList<ObjectField>.Unpack(_fields, _fieldRun);

    public TextSpan OpenBrace => new(_openBraceStart, 1);

    public TextSpan CloseBrace { get; }

    public override TextSpan Span => TextSpan.FromBounds(OpenBrace.Start, CloseBrace.End);

    public override IEnumerable<SyntaxNode> ChildNodes() => Fields;
}

/// <summary>
/// <c>key = value</c> inside an object. As upstream: a quoted key is the raw text between its delimiters
/// (not unescaped) with <see cref="Quoted"/> set; <see cref="KeySpan"/> covers the key as written.
/// </summary>
public sealed class ObjectField : SyntaxNode
{
    // The key span's length is the key's, with its delimiters when quoted: keeping only its start makes the field 8 bytes smaller.
    private readonly int _keyStart;

    /// <exception cref="ArgumentException"><paramref name="keySpan"/> is not as long as the key as written.</exception>
    public ObjectField(string key, bool quoted, TextSpan keySpan, Expression value)
    {
        Key = key;
        Quoted = quoted;
        _keyStart = keySpan.Start;
        Value = value;
        if (keySpan != KeySpan)
        {
            throw SpanError(keySpan, $"does not cover the key {key} as written", nameof(keySpan));
        }
    }

    public string Key { get; }

    public bool Quoted { get; }

    public TextSpan KeySpan => new(_keyStart, Quoted ? Key.Length + 2 : Key.Length);

    public Expression Value { get; }

    public override TextSpan Span => TextSpan.FromBounds(KeySpan.Start, Value.Span.End);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Value];
}

/// <summary><c>target.member</c>.</summary>
public sealed class AccessExpression(Expression target, Identifier member) : Expression
{
    public Expression Target { get; } = target;

    public Identifier Member { get; } = member;

    public override TextSpan Span => TextSpan.FromBounds(Target.Span.Start, Member.Span.End);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Target];
}

/// <summary><c>target[index]</c>.</summary>
public sealed class IndexExpression(Expression target, Expression index, TextSpan openBracket, TextSpan closeBracket) : Expression
{
    public Expression Target { get; } = target;

    public Expression Index { get; } = index;

    public TextSpan OpenBracket { get; } = openBracket;

    public TextSpan CloseBracket { get; } = closeBracket;

    public override TextSpan Span => TextSpan.FromBounds(Target.Span.Start, CloseBracket.End);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Target, Index];
}

/// <summary><c>callee(arguments)</c>.</summary>
public sealed class CallExpression : Expression
{
    // The arguments packed (NodeList.Pack) and the paren's start (a "(" is one character): the node is 8 bytes smaller.
    private readonly Expression[]? _arguments;
    private readonly int _argumentRun;
    private readonly int _openParenStart;

    /// <exception cref="ArgumentException"><paramref name="openParen"/> is not one character long.</exception>
    public CallExpression(Expression callee, NodeList<Expression> arguments, TextSpan openParen, TextSpan closeParen)
    {
        Callee = callee;
        (_arguments, _argumentRun) = arguments.Pack();
        _openParenStart = OneCharacter(openParen);
        CloseParen = closeParen;
    }

    public Expression Callee { get; }

    public NodeList<Expression> Arguments => NodeList<Expression>.Unpack(_arguments, _argumentRun);

    public TextSpan OpenParen => new(_openParenStart, 1);

    public TextSpan CloseParen { get; }

    public override TextSpan Span => TextSpan.FromBounds(Callee.Span.Start, CloseParen.End);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Callee, .. Arguments];
}

public enum UnaryOperator
{
    Not,
    Negate,
}

public sealed class UnaryExpression : Expression
{
    // The operator and its span's length are a byte each (an operator is one character): the node is 8 bytes smaller.
    private readonly int _operatorStart;
    private readonly byte _operatorLength;
    private readonly byte _operator;

    /// <exception cref="ArgumentException"><paramref name="operatorSpan"/> is longer than 255 characters.</exception>
    public UnaryExpression(UnaryOperator @operator, TextSpan operatorSpan, Expression operand)
    {
        _operator = (byte)@operator;
        _operatorStart = operatorSpan.Start;
        _operatorLength = OperatorLength(operatorSpan);
        Operand = operand;
    }

    public UnaryOperator Operator => (UnaryOperator)_operator;

    public TextSpan OperatorSpan => new(_operatorStart, _operatorLength);

    public Expression Operand { get; }

    public override TextSpan Span => TextSpan.FromBounds(OperatorSpan.Start, Operand.Span.End);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Operand];

    internal static byte OperatorLength(TextSpan operatorSpan) => operatorSpan.Length <= byte.MaxValue
        ? (byte)operatorSpan.Length
        : throw SpanError(operatorSpan, "is too long for an operator", nameof(operatorSpan));
}

public enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Power,
}

public sealed class BinaryExpression : Expression
{
    // The operator and its span's length are a byte each (an operator is one or two characters, or one where two
    // belong, a syntax error): the node is 8 bytes smaller.
    private readonly int _operatorStart;
    private readonly byte _operatorLength;
    private readonly byte _operator;

    /// <exception cref="ArgumentException"><paramref name="operatorSpan"/> is longer than 255 characters.</exception>
    public BinaryExpression(BinaryOperator @operator, TextSpan operatorSpan, Expression left, Expression right)
    {
        _operator = (byte)@operator;
        _operatorStart = operatorSpan.Start;
        _operatorLength = UnaryExpression.OperatorLength(operatorSpan);
        Left = left;
        Right = right;
    }

    public BinaryOperator Operator => (BinaryOperator)_operator;

    public TextSpan OperatorSpan => new(_operatorStart, _operatorLength);

    public Expression Left { get; }

    public Expression Right { get; }

    public override TextSpan Span => TextSpan.FromBounds(Left.Span.Start, Right.Span.End);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Left, Right];
}

/// <summary><c>(inner)</c>, kept as written.</summary>
public sealed class ParenExpression(Expression inner, TextSpan openParen, TextSpan closeParen) : Expression
{
    public Expression Inner { get; } = inner;

    public TextSpan OpenParen { get; } = openParen;

    public TextSpan CloseParen { get; } = closeParen;

    public override TextSpan Span => TextSpan.FromBounds(OpenParen.Start, CloseParen.End);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Inner];
}
