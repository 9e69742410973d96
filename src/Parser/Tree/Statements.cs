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
    // A block laid out as usual keeps only where its name and label start: the name is one run as long as its text,
    // the label its value in quotes, and each brace one character just outside the body. Any other layout (a name
    // written apart, a syntax error) keeps every span in an UnusualLayout. So the usual block is 56 bytes, not 80.
    private readonly int _nameStart;
    private readonly int _labelStart;

    // The label's value; null when there is no label.
    private readonly string? _labelValue;
    private readonly UnusualLayout? _unusual;

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
        Body = body;
        _nameStart = nameSpan.Start;
        _labelValue = label?.Value;
        _labelStart = label?.Span.Start ?? 0;
        var laidOutAsUsual = partsWrittenApart.IsDefault
            && nameSpan.Length == name.Length
            && (label is not { } written || written.Span.Length == written.Value.Length + 2)
            && openBrace == new TextSpan(body.Span.Start - 1, 1)
            && closeBrace == new TextSpan(body.Span.End, 1);
        if (!laidOutAsUsual)
        {
            _unusual = new UnusualLayout(nameSpan, partsWrittenApart, label?.Span ?? default, openBrace, closeBrace);
        }
    }

    /// <summary>The dotted name, e.g. <c>prometheus.scrape</c>.</summary>
    public string Name { get; }

    public TextSpan NameSpan => _unusual is { } unusual ? unusual.NameSpan : new TextSpan(_nameStart, Name.Length);

    /// <summary>
    /// True when something (spaces, line breaks, comments) stands between a part of the name and a dot, or a part is
    /// not an identifier (a syntax error).
    /// </summary>
    public bool IsNameWrittenApart => _unusual is { PartsWrittenApart.IsDefault: false };

    /// <summary>Each part of the name with its span. Built on each call for a name written in one run.</summary>
    public ImmutableArray<Identifier> NameParts => IsNameWrittenApart ? _unusual!.PartsWrittenApart : SplitName();

    public BlockLabel? Label => _labelValue is null
        ? null
        : new BlockLabel(_labelValue, _unusual is { } unusual ? unusual.LabelSpan : new TextSpan(_labelStart, _labelValue.Length + 2));

    public TextSpan OpenBrace => _unusual is { } unusual ? unusual.OpenBrace : new TextSpan(Body.Span.Start - 1, 1);

    public Body Body { get; }

    public TextSpan CloseBrace => _unusual is { } unusual ? unusual.CloseBrace : new TextSpan(Body.Span.End, 1);

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

    /// <summary>The spans of a block not laid out as usual (see the fields of <see cref="BlockStatement"/>).</summary>
    private sealed record UnusualLayout(TextSpan NameSpan, ImmutableArray<Identifier> PartsWrittenApart, TextSpan LabelSpan, TextSpan OpenBrace, TextSpan CloseBrace);
}

/// <summary>A block label: <see cref="Value"/> is the text between the quotes (not unescaped, as upstream).</summary>
public readonly record struct BlockLabel(string Value, TextSpan Span);
