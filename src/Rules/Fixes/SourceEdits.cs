using System.Text;
using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Fixes;

/// <summary>
/// Edits that add or change Alloy code inside an existing file. New code is printed by
/// <see cref="AlloyFormatter.FormatSnippet"/> and laid out with the file's indentation unit and line endings;
/// insertions go after the end of a line (after its trailing comment), so every comment stays where it was.
/// </summary>
public static class SourceEdits
{
    /// <summary>Appends top-level statements at the end of the file, after one blank line.</summary>
    public static TextEdit AppendToFile(SyntaxTree tree, string snippet)
    {
        var source = tree.Source;
        var newline = source.LineEnding;
        var text = source.Text;
        var code = Format(source, snippet, string.Empty);
        if (text.Trim().Length == 0)
        {
            return TextEdit.Replace(new TextSpan(0, text.Length), code + newline);
        }

        var separator = text.EndsWith(newline + newline, StringComparison.Ordinal) ? string.Empty
            : text.EndsWith('\n') ? newline
            : newline + newline;
        return TextEdit.Insert(text.Length, separator + code + newline);
    }

    /// <summary>Inserts statements after <paramref name="statement"/> (after its line), one blank line apart, at its indentation.</summary>
    public static TextEdit InsertAfter(SyntaxTree tree, Statement statement, string snippet)
    {
        var source = tree.Source;
        var indentation = LineIndentation(source, statement.Span.Start);
        return TextEdit.Insert(EndOfLine(source, statement.Span.End), source.LineEnding + source.LineEnding + Format(source, snippet, indentation));
    }

    /// <summary>
    /// Sets attribute <paramref name="name"/> of <paramref name="block"/> to <paramref name="valueText"/>: replaces the
    /// value when the attribute exists, else inserts <c>name = value</c> after the block's last attribute (or first in
    /// its body). A block written on one line is reprinted whole; null when that would drop a comment inside it.
    /// </summary>
    public static TextEdit? SetAttribute(SyntaxTree tree, BlockStatement block, string name, string valueText)
    {
        if (block.Body.Attributes.FirstOrDefault(attribute => attribute.Name.Name == name) is { } existing)
        {
            return TextEdit.Replace(existing.Value.Span, valueText);
        }

        return AddStatement(tree, block, $"{name} = {valueText}", asAttribute: true);
    }

    /// <summary>Adds a nested block (or any statements) at the end of <paramref name="block"/>'s body, after a blank line.</summary>
    public static TextEdit? AppendToBody(SyntaxTree tree, BlockStatement block, string snippet) =>
        AddStatement(tree, block, snippet, asAttribute: false);

    /// <summary>Appends <paramref name="elementText"/> to a list, keeping its one-line or one-element-per-line layout.</summary>
    public static TextEdit? AppendElement(SyntaxTree tree, ArrayExpression array, string elementText) =>
        AppendItem(tree, array.OpenBracket, array.CloseBracket, array.Elements.IsEmpty ? null : array.Elements[^1], elementText);

    /// <summary>Appends a <c>key = value</c> field to an object, keeping its one-line or one-field-per-line layout.</summary>
    public static TextEdit? AppendField(SyntaxTree tree, ObjectExpression obj, string fieldText) =>
        AppendItem(tree, obj.OpenBrace, obj.CloseBrace, obj.Fields.IsEmpty ? null : obj.Fields[^1], fieldText);

    /// <summary>
    /// Prints <paramref name="snippet"/> canonically with every line indented by <paramref name="indentation"/> plus the
    /// file's unit per nesting level, joined by the file's line ending; no trailing line break.
    /// </summary>
    public static string Format(SourceText source, string snippet, string indentation)
    {
        var unit = IndentUnit(source);
        var lines = AlloyFormatter.FormatSnippet(snippet).Split('\n');
        var builder = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(source.LineEnding);
            }

            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var depth = 0;
            while (depth < line.Length && line[depth] == '\t')
            {
                depth++;
            }

            builder.Append(indentation);
            for (var level = 0; level < depth; level++)
            {
                builder.Append(unit);
            }

            builder.Append(line, depth, line.Length - depth);
        }

        return builder.ToString();
    }

    /// <summary>The offset of the line break ending the line that holds <paramref name="offset"/> (or the end of the text).</summary>
    public static int EndOfLine(SourceText source, int offset)
    {
        var newline = source.Text.IndexOf('\n', offset);
        if (newline < 0)
        {
            return source.Length;
        }

        return newline > 0 && source.Text[newline - 1] == '\r' ? newline - 1 : newline;
    }

    /// <summary>The spaces and tabs that start the line holding <paramref name="offset"/>.</summary>
    public static string LineIndentation(SourceText source, int offset)
    {
        var text = source.Text;
        var start = offset;
        while (start > 0 && text[start - 1] != '\n')
        {
            start--;
        }

        var end = start;
        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }

        return text[start..end];
    }

    /// <summary>The file's indentation unit: a tab (Alloy's style) unless its first indented line starts with spaces.</summary>
    public static string IndentUnit(SourceText source)
    {
        var text = source.Text;
        for (var newline = text.IndexOf('\n'); newline >= 0 && newline + 1 < text.Length; newline = text.IndexOf('\n', newline + 1))
        {
            var next = text[newline + 1];
            if (next == '\t')
            {
                return "\t";
            }

            if (next == ' ')
            {
                var count = 0;
                while (newline + 1 + count < text.Length && text[newline + 1 + count] == ' ')
                {
                    count++;
                }

                if (newline + 1 + count < text.Length && text[newline + 1 + count] is not ('\r' or '\n'))
                {
                    return new string(' ', count);
                }
            }
        }

        return "\t";
    }

    private static TextEdit? AddStatement(SyntaxTree tree, BlockStatement block, string snippet, bool asAttribute)
    {
        var source = tree.Source;
        var lines = source.Lines;
        var newline = source.LineEnding;
        var blockIndentation = LineIndentation(source, block.Span.Start);
        if (lines.GetPosition(block.OpenBrace.Start).Line == lines.GetPosition(block.CloseBrace.Start).Line)
        {
            if (HasCommentInside(tree, block.Span))
            {
                return null;
            }

            // Reprint the one-line block with the new statement; the formatter lays it out over several lines.
            var header = source.Text[block.Span.Start..block.OpenBrace.Start].TrimEnd();
            var statements = block.Body.Statements.Select(statement => source[statement.Span]).Append(snippet);
            var reprinted = Format(source, $"{header} {{\n{string.Join('\n', statements)}\n}}", blockIndentation);
            return TextEdit.Replace(block.Span, reprinted[blockIndentation.Length..]);
        }

        var statementsInBody = block.Body.Statements;
        var innerIndentation = statementsInBody.IsEmpty
            ? blockIndentation + IndentUnit(source)
            : LineIndentation(source, statementsInBody[0].Span.Start);
        var code = Format(source, snippet, innerIndentation);
        if (asAttribute)
        {
            if (block.Body.Attributes.LastOrDefault() is { } lastAttribute)
            {
                return TextEdit.Insert(EndOfLine(source, lastAttribute.Span.End), newline + code);
            }

            var afterOpenBrace = EndOfLine(source, block.OpenBrace.End);
            return TextEdit.Insert(afterOpenBrace, newline + code + (statementsInBody.IsEmpty ? string.Empty : newline));
        }

        if (statementsInBody.IsEmpty)
        {
            return TextEdit.Insert(EndOfLine(source, block.OpenBrace.End), newline + code);
        }

        return TextEdit.Insert(EndOfLine(source, statementsInBody[^1].Span.End), newline + newline + code);
    }

    private static TextEdit? AppendItem(SyntaxTree tree, TextSpan open, TextSpan close, SyntaxNode? last, string itemText)
    {
        var source = tree.Source;
        if (HasCommentInside(tree, TextSpan.FromBounds(open.Start, close.End)))
        {
            return last is null ? null : AppendAfterLast(source, last, close, itemText);
        }

        return last is null
            ? TextEdit.Replace(TextSpan.FromBounds(open.End, close.Start), itemText)
            : AppendAfterLast(source, last, close, itemText);
    }

    private static TextEdit AppendAfterLast(SourceText source, SyntaxNode last, TextSpan close, string itemText)
    {
        var between = source.Text[last.Span.End..close.Start];
        var comma = between.IndexOf(',');
        if (comma < 0)
        {
            return TextEdit.Insert(last.Span.End, ", " + itemText);
        }

        // One item per line, each followed by a comma: add a line after the last one.
        var afterComma = last.Span.End + comma + 1;
        if (source.Lines.GetPosition(last.Span.End).Line == source.Lines.GetPosition(close.Start).Line)
        {
            return TextEdit.Insert(afterComma, " " + itemText + ",");
        }

        return TextEdit.Insert(EndOfLine(source, afterComma), source.LineEnding + LineIndentation(source, last.Span.Start) + itemText + ",");
    }

    private static bool HasCommentInside(SyntaxTree tree, TextSpan span) =>
        tree.Comments.Any(comment => comment.Span.Start >= span.Start && comment.Span.End <= span.End);
}
