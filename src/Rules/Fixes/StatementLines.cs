using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Fixes;

/// <summary>Line-based spans for fixes that move or delete whole statements together with their comments.</summary>
public static class StatementLines
{
    /// <summary>
    /// The full lines of <paramref name="statement"/> with its line terminator, the comment that ends its last
    /// line and the comment-only lines directly above it; null when it shares a line with other code.
    /// </summary>
    public static TextSpan? WholeLines(SyntaxTree tree, Statement statement)
    {
        var text = tree.Source;
        var lines = tree.Source.Lines;
        var firstLine = lines.GetLine(statement.Span.Start);
        if (!IsBlank(text, lines.LineStart(firstLine), statement.Span.Start))
        {
            return null;
        }

        var end = statement.Span.End;
        var lastLine = lines.GetLine(end);
        var trailing = tree.FirstCommentStartingIn(end, lines.LineEnd(lastLine));
        if (trailing is not null && IsBlank(text, end, trailing.Span.Start))
        {
            end = trailing.Span.End;
            if (lines.GetLine(end) != lastLine)
            {
                return null;
            }
        }

        if (!IsBlank(text, end, lines.LineEnd(lastLine)))
        {
            return null;
        }

        while (firstLine > 1 && IsCommentLine(tree, firstLine - 1))
        {
            firstLine--;
        }

        var spanEnd = lastLine < lines.LineCount ? lines.LineStart(lastLine + 1) : text.Length;
        return TextSpan.FromBounds(lines.LineStart(firstLine), spanEnd);
    }

    /// <summary>
    /// What to delete to remove <paramref name="lines"/> (a <see cref="WholeLines"/> span) without leaving a blank line
    /// where none belongs: the blank lines before it go too when a blank line, a closing brace or the end of the file
    /// follows it; the blank lines after it go too when an opening brace precedes it.
    /// </summary>
    public static TextSpan Deletion(SyntaxTree tree, TextSpan lines)
    {
        var text = tree.Source;
        var map = tree.Source.Lines;
        var start = lines.Start;
        var end = lines.End;
        var firstLine = map.GetLine(start);
        var nextLine = end < text.Length ? map.GetLine(end) : map.LineCount + 1;

        var blanksBefore = firstLine;
        while (blanksBefore > 1 && IsBlankLine(text, map, blanksBefore - 1))
        {
            blanksBefore--;
        }

        var nextIsBlankOrClose = nextLine > map.LineCount || IsBlankLine(text, map, nextLine) || map.LineText(nextLine).TrimStart().StartsWith('}');
        if (blanksBefore < firstLine && nextIsBlankOrClose)
        {
            return TextSpan.FromBounds(map.LineStart(blanksBefore), end);
        }

        if (firstLine > 1 && map.LineText(firstLine - 1).TrimEnd().EndsWith('{'))
        {
            var afterBlanks = nextLine;
            while (afterBlanks <= map.LineCount && IsBlankLine(text, map, afterBlanks))
            {
                afterBlanks++;
            }

            end = afterBlanks <= map.LineCount ? map.LineStart(afterBlanks) : text.Length;
        }

        return TextSpan.FromBounds(start, end);
    }

    /// <summary>How many blocks enclose <paramref name="block"/>: its indentation level in canonical style.</summary>
    public static int Depth(SyntaxTree tree, BlockStatement block)
    {
        var depth = 0;
        for (var body = tree.Root; StatementAt(body, block.Span.Start) is BlockStatement outer && !ReferenceEquals(outer, block); body = outer.Body)
        {
            depth++;
        }

        return depth;
    }

    /// <summary>The statement of <paramref name="body"/> whose span holds <paramref name="offset"/>, found by binary search.</summary>
    private static Statement? StatementAt(Body body, int offset)
    {
        var statements = body.Statements;
        var (low, high) = (0, statements.Length - 1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var span = statements[middle].Span;
            if (offset < span.Start)
            {
                high = middle - 1;
            }
            else if (offset >= span.End)
            {
                low = middle + 1;
            }
            else
            {
                return statements[middle];
            }
        }

        return null;
    }

    /// <summary>True when the line holds nothing but one line comment.</summary>
    private static bool IsCommentLine(SyntaxTree tree, int line)
    {
        var lines = tree.Source.Lines;
        var start = lines.LineStart(line);
        var end = lines.LineEnd(line);
        return tree.FirstCommentStartingIn(start, end) is { Kind: CommentKind.Line } comment
            && IsBlank(tree.Source, start, comment.Span.Start)
            && IsBlank(tree.Source, comment.Span.End, end);
    }

    private static bool IsBlankLine(SourceText text, LineMap lines, int line) => IsBlank(text, lines.LineStart(line), lines.LineEnd(line));

    private static bool IsBlank(SourceText text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] is not (' ' or '\t' or '\r'))
            {
                return false;
            }
        }

        return true;
    }
}
