using System.Collections.Immutable;
using AlloyLint.Parser.Text;

namespace AlloyLint.Parser.Tree;

/// <summary>A list of statements: the whole file, or the inside of a block's braces.</summary>
public sealed class Body(ImmutableArray<Statement> statements, TextSpan span) : SyntaxNode
{
    public ImmutableArray<Statement> Statements { get; } = statements;

    public override TextSpan Span { get; } = span;

    public IEnumerable<AttributeStatement> Attributes => Statements.OfType<AttributeStatement>();

    public IEnumerable<BlockStatement> Blocks => Statements.OfType<BlockStatement>();

    public override IEnumerable<SyntaxNode> ChildNodes() => Statements;
}

public abstract class Statement : SyntaxNode;

/// <summary><c>name = value</c>.</summary>
public sealed class AttributeStatement(Identifier name, Expression value) : Statement
{
    public Identifier Name { get; } = name;

    public Expression Value { get; } = value;

    public override TextSpan Span => TextSpan.FromBounds(Name.Span.Start, Value.Span.End);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Value];
}

/// <summary>
/// <c>a.b.c "label" { body }</c>. <see cref="Name"/> is the dotted name; the label, when written,
/// keeps its quotes in <see cref="BlockLabel.Span"/>.
/// </summary>
/// <param name="name">The parts joined by dots; the parser passes one string per distinct name.</param>
public sealed class BlockStatement(ImmutableArray<Identifier> nameParts, string name, BlockLabel? label, TextSpan openBrace, Body body, TextSpan closeBrace)
    : Statement
{
    public ImmutableArray<Identifier> NameParts { get; } = nameParts;

    /// <summary>The dotted name, e.g. <c>prometheus.scrape</c>.</summary>
    public string Name { get; } = name;

    public TextSpan NameSpan => TextSpan.FromBounds(NameParts[0].Span.Start, NameParts[^1].Span.End);

    public BlockLabel? Label { get; } = label;

    public TextSpan OpenBrace { get; } = openBrace;

    public Body Body { get; } = body;

    public TextSpan CloseBrace { get; } = closeBrace;

    public override TextSpan Span => TextSpan.FromBounds(NameParts[0].Span.Start, CloseBrace.End);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Body];
}

/// <summary>A block label: <see cref="Value"/> is the text between the quotes (not unescaped, as upstream).</summary>
public sealed record BlockLabel(string Value, TextSpan Span);
