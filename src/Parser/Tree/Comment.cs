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
public sealed record Comment(CommentKind Kind, TextSpan Span, string Text);
