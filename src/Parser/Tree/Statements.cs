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
public sealed class BlockStatement : Statement
{
    // The parts of a name written apart (see IsNameWrittenApart); default for a name written as one run of
    // identifiers and dots, whose parts are read off Name: most blocks, which then keep no array of parts.
    private readonly ImmutableArray<Identifier> _partsWrittenApart;

    // The label's value and span, not a label object per block; the value is null when there is no label.
    private readonly string? _labelValue;
    private readonly TextSpan _labelSpan;

    /// <param name="name">The parts joined by dots; the parser passes one string per distinct name.</param>
    /// <param name="nameSpan">From the first part's start to the last part's end.</param>
    /// <param name="partsWrittenApart">The parts of a name written apart; default otherwise.</param>
    public BlockStatement(
        string name,
        TextSpan nameSpan,
        ImmutableArray<Identifier> partsWrittenApart,
        BlockLabel? label,
        TextSpan openBrace,
        Body body,
        TextSpan closeBrace)
    {
        Name = name;
        NameSpan = nameSpan;
        _partsWrittenApart = partsWrittenApart;
        (_labelValue, _labelSpan) = label is { } written ? (written.Value, written.Span) : (null, default);
        OpenBrace = openBrace;
        Body = body;
        CloseBrace = closeBrace;
    }

    /// <summary>The dotted name, e.g. <c>prometheus.scrape</c>.</summary>
    public string Name { get; }

    public TextSpan NameSpan { get; }

    /// <summary>
    /// True when something (spaces, line breaks, comments) stands between a part of the name and a dot, or a part is
    /// not an identifier (a syntax error).
    /// </summary>
    public bool IsNameWrittenApart => !_partsWrittenApart.IsDefault;

    /// <summary>Each part of the name with its span. Built on each call for a name written in one run.</summary>
    public ImmutableArray<Identifier> NameParts => IsNameWrittenApart ? _partsWrittenApart : SplitName();

    public BlockLabel? Label => _labelValue is null ? null : new BlockLabel(_labelValue, _labelSpan);

    public TextSpan OpenBrace { get; }

    public Body Body { get; }

    public TextSpan CloseBrace { get; }

    public override TextSpan Span => TextSpan.FromBounds(NameSpan.Start, CloseBrace.End);

    public override IEnumerable<SyntaxNode> ChildNodes() => [Body];

    private ImmutableArray<Identifier> SplitName()
    {
        var parts = ImmutableArray.CreateBuilder<Identifier>(Name.AsSpan().Count('.') + 1);
        foreach (var range in Name.AsSpan().Split('.'))
        {
            var (offset, length) = range.GetOffsetAndLength(Name.Length);
            parts.Add(new Identifier(parts.Capacity == 1 ? Name : Name.Substring(offset, length), new TextSpan(NameSpan.Start + offset, length)));
        }

        return parts.MoveToImmutable();
    }
}

/// <summary>A block label: <see cref="Value"/> is the text between the quotes (not unescaped, as upstream).</summary>
public readonly record struct BlockLabel(string Value, TextSpan Span);
