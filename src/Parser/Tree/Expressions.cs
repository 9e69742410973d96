using AlloyLint.Parser.Text;

namespace AlloyLint.Parser.Tree;

public abstract class Expression : SyntaxNode;

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

public sealed class ArrayExpression(NodeList<Expression> elements, TextSpan openBracket, TextSpan closeBracket) : Expression
{
    public NodeList<Expression> Elements { get; } = elements;

    public TextSpan OpenBracket { get; } = openBracket;

    public TextSpan CloseBracket { get; } = closeBracket;

    public override TextSpan Span => TextSpan.FromBounds(OpenBracket.Start, CloseBracket.End);

    public override IEnumerable<SyntaxNode> ChildNodes() => Elements;
}

public sealed class ObjectExpression(NodeList<ObjectField> fields, TextSpan openBrace, TextSpan closeBrace) : Expression
{
    public NodeList<ObjectField> Fields { get; } = fields;

    public TextSpan OpenBrace { get; } = openBrace;

    public TextSpan CloseBrace { get; } = closeBrace;

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
            throw new ArgumentException($"The span {keySpan} does not cover the key {key} as written.", nameof(keySpan));
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
public sealed class CallExpression(Expression callee, NodeList<Expression> arguments, TextSpan openParen, TextSpan closeParen) : Expression
{
    public Expression Callee { get; } = callee;

    public NodeList<Expression> Arguments { get; } = arguments;

    public TextSpan OpenParen { get; } = openParen;

    public TextSpan CloseParen { get; } = closeParen;

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
        : throw new ArgumentException($"The span {operatorSpan} is too long for an operator.", nameof(operatorSpan));
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
