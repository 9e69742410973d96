using AlloyLint.Parser.Text;

namespace AlloyLint.Parser.Tree;

public enum CommentKind
{
    /// <summary><c>// ...</c> to the end of the line (the newline is not part of it).</summary>
    Line,

    /// <summary><c>/* ... */</c>, possibly over several lines.</summary>
    Block,
}

/// <summary>
/// A comment. <see cref="Span"/> covers it in the source; <see cref="Text"/> is its text with '\r' removed
/// as upstream's scanner does, which is what the formatter prints.
/// </summary>
/// <remarks>
/// A line comment's span stops before the '\r' of a CRLF line end, so only a block comment with carriage returns
/// inside has a text other than the source's: that one is kept, every other is read from the source when asked for
/// (a large file has tens of thousands of comments, and their strings would be alive to the end of a lint).
/// </remarks>
public sealed class Comment
{
    private readonly SourceText _source;
    private readonly string? _cleanedText;

    /// <param name="cleanedText">The text when it is not the source's at <paramref name="span"/>; null otherwise.</param>
    public Comment(CommentKind kind, TextSpan span, SourceText source, string? cleanedText = null)
    {
        Kind = kind;
        Span = span;
        _source = source;
        _cleanedText = cleanedText;
    }

    public CommentKind Kind { get; }

    public TextSpan Span { get; }

    /// <summary>The text (a new string on each call, unless carriage returns were taken out of it).</summary>
    public string Text => _cleanedText ?? _source[Span];

    /// <summary>The length of <see cref="Text"/>.</summary>
    public int TextLength => _cleanedText?.Length ?? Span.Length;

    /// <summary>
    /// <see cref="Text"/> without making a string when it is the source's: read into <paramref name="scratch"/>
    /// (grown as needed) when the source keeps its text as bytes. Valid until the scratch is used again.
    /// </summary>
    public ReadOnlySpan<char> ReadText(ref char[] scratch) => _cleanedText ?? _source.Read(Span, ref scratch);

    public override string ToString() => $"{Kind} comment at {Span}: {Text}";
}
