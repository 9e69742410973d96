using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using AlloyLint.Parser.Text;

namespace AlloyLint.Parser.Tree;

/// <summary>
/// A list of statements: the whole file, or the inside of a block's braces. A value: a block's body is made from the
/// block's fields when asked for, and the file's is held by its <see cref="SyntaxTree"/>.
/// </summary>
public readonly struct Body(NodeList<Statement> statements, TextSpan span)
{
    public NodeList<Statement> Statements { get; } = statements;

    public TextSpan Span { get; } = span;

    public IEnumerable<AttributeStatement> Attributes => Statements.OfType<AttributeStatement>();

    public IEnumerable<BlockStatement> Blocks => Statements.OfType<BlockStatement>();

    /// <summary>Every node in the body, depth first, in source order.</summary>
    public IEnumerable<SyntaxNode> Descendants() => SyntaxNode.Descendants(Statements);
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
    // A block laid out as usual keeps only where its body starts and its closing brace: the name is one run as long as
    // its text, then one space and the label in quotes when there is one, one space and the opening brace, the body,
    // and a closing brace of one character. Any other layout (more spaces, a name written apart, a syntax error) keeps
    // every span and the label in an UnusualLayout. The body's statements are held inline. So the usual block is 56
    // bytes, and its body costs no object and no array of its own (and reading it, which rules do most, costs little).
    private readonly int _bodyStart;
    private readonly int _closeBraceStart;

    // Laid out as usual: the label's value, or null when there is no label. Otherwise the UnusualLayout.
    private readonly object? _labelOrLayout;
    private readonly NodeList<Statement> _statements;

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
        _statements = body.Statements;
        _bodyStart = body.Span.Start;
        _closeBraceStart = closeBrace.Start;
        var nameEnd = nameSpan.Start + name.Length;
        var laidOutAsUsual = partsWrittenApart.IsDefault
            && nameSpan.Length == name.Length
            && (label is not { } written || written.Span == new TextSpan(nameEnd + 1, written.Value.Length + 2))
            && openBrace == new TextSpan((label?.Span.End ?? nameEnd) + 1, 1)
            && body.Span.Start == openBrace.End && body.Span.End == closeBrace.Start
            && closeBrace.Length == 1;
        _labelOrLayout = laidOutAsUsual ? label?.Value : new UnusualLayout(nameSpan, partsWrittenApart, label, openBrace, body.Span, closeBrace);
    }

    /// <summary>The dotted name, e.g. <c>prometheus.scrape</c>.</summary>
    public string Name { get; }

    public TextSpan NameSpan => Unusual is { } unusual ? unusual.NameSpan : new TextSpan(NameEnd - Name.Length, Name.Length);

    /// <summary>
    /// True when something (spaces, line breaks, comments) stands between a part of the name and a dot, or a part is
    /// not an identifier (a syntax error).
    /// </summary>
    public bool IsNameWrittenApart => Unusual is { PartsWrittenApart.IsDefault: false };

    /// <summary>Each part of the name with its span. Built on each call for a name written in one run.</summary>
    public ImmutableArray<Identifier> NameParts => IsNameWrittenApart ? Unusual!.PartsWrittenApart : SplitName();

    public BlockLabel? Label => _labelOrLayout switch
    {
        string value => new BlockLabel(value, new TextSpan(NameEnd + 1, value.Length + 2)),
        UnusualLayout unusual => unusual.Label,
        _ => null,
    };

    public TextSpan OpenBrace => Unusual is { } unusual ? unusual.OpenBrace : new TextSpan(_bodyStart - 1, 1);

    /// <summary>The statements between the braces; a value made on each call (it allocates nothing).</summary>
    // Inlined: rules read it for every block they walk, most often only for its statements.
    public Body Body
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(_statements, Unusual is { } unusual ? unusual.BodySpan : TextSpan.FromBounds(_bodyStart, _closeBraceStart));
    }

    public TextSpan CloseBrace => Unusual is { } unusual ? unusual.CloseBrace : new TextSpan(_closeBraceStart, 1);

    public override TextSpan Span => TextSpan.FromBounds(NameSpan.Start, CloseBrace.End);

    public override IEnumerable<SyntaxNode> ChildNodes() => _statements;

    private UnusualLayout? Unusual => _labelOrLayout as UnusualLayout;

    // Laid out as usual: before the body's start, the open brace and a space, and before those the label and a space.
    private int NameEnd => _bodyStart - 2 - (_labelOrLayout is string label ? label.Length + 3 : 0);

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

    /// <summary>The spans and label of a block not laid out as usual (see the fields of <see cref="BlockStatement"/>).</summary>
    private sealed record UnusualLayout(
        TextSpan NameSpan, ImmutableArray<Identifier> PartsWrittenApart, BlockLabel? Label, TextSpan OpenBrace, TextSpan BodySpan, TextSpan CloseBrace);
}

/// <summary>A block label: <see cref="Value"/> is the text between the quotes (not unescaped, as upstream).</summary>
public readonly record struct BlockLabel(string Value, TextSpan Span);
