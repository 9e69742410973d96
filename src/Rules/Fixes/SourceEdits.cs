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
    /// <summary>Appends top-level statements at the end of the file, after exactly one blank line.</summary>
    public static TextEdit AppendToFile(SyntaxTree tree, string snippet)
    {
        var source = tree.Source;
        var newline = source.LineEnding;
        var code = Format(tree, snippet, string.Empty);
        var contentEnd = source.EndOfContent();
        if (contentEnd == 0)
        {
            return TextEdit.Replace(new TextSpan(0, source.Length), code + newline);
        }

        // Exactly one blank line before the new code: complete a shorter tail, replace a longer one.
        var blankLine = newline + newline;
        var tail = source[contentEnd..];
        return blankLine.StartsWith(tail, StringComparison.Ordinal)
            ? TextEdit.Insert(source.Length, blankLine[tail.Length..] + code + newline)
            : TextEdit.Replace(TextSpan.FromBounds(contentEnd, source.Length), blankLine + code + newline);
    }

    /// <summary>Inserts statements after <paramref name="statement"/> (after its line), one blank line apart, at its indentation.</summary>
    public static TextEdit InsertAfter(SyntaxTree tree, Statement statement, string snippet)
    {
        var source = tree.Source;
        var indentation = LineIndentation(source, statement.Span.Start);
        return TextEdit.Insert(EndOfLine(source, statement.Span.End), source.LineEnding + source.LineEnding + Format(tree, snippet, indentation));
    }

    /// <summary>
    /// Sets attribute <paramref name="name"/> of <paramref name="block"/> to <paramref name="valueText"/>: replaces the
    /// value when the attribute exists, else inserts <c>name = value</c> after the block's last attribute (or first in
    /// its body), re-aligning the <c>=</c> of the attributes it joins as the formatter would. A block written on one
    /// line is reprinted whole; null when that would drop a comment inside it.
    /// </summary>
    public static TextEdit[]? SetAttribute(SyntaxTree tree, BlockStatement block, string name, string valueText)
    {
        if (block.Body.Attributes.FirstOrDefault(attribute => attribute.Name.Name == name) is { } existing)
        {
            return [TextEdit.Replace(existing.Value.Span, valueText)];
        }

        var source = tree.Source;
        var multiLineBlock = source.Lines.GetLine(block.OpenBrace.Start) != source.Lines.GetLine(block.CloseBrace.Start);
        if (multiLineBlock && block.Body.Attributes.LastOrDefault() is { } last)
        {
            return InsertAfterAttribute(tree, block.Body, last, name, valueText);
        }

        return AddStatement(tree, block, $"{name} = {valueText}", asAttribute: true) is { } edit ? [edit] : null;
    }

    /// <summary>Adds a nested block (or any statements) at the end of <paramref name="block"/>'s body, after a blank line.</summary>
    public static TextEdit? AppendToBody(SyntaxTree tree, BlockStatement block, string snippet) =>
        AddStatement(tree, block, snippet, asAttribute: false);

    /// <summary>Appends <paramref name="elementText"/> to a list, keeping its one-line or one-element-per-line layout.</summary>
    public static TextEdit[]? AppendElement(SyntaxTree tree, ArrayExpression array, string elementText) =>
        AppendItem(tree, array.OpenBracket, array.CloseBracket, array.Elements.IsEmpty ? null : array.Elements[^1], elementText);

    /// <summary>Appends a <c>key = value</c> field to an object, keeping its one-line or one-field-per-line layout.</summary>
    public static TextEdit[]? AppendField(SyntaxTree tree, ObjectExpression obj, string fieldText) =>
        AppendItem(tree, obj.OpenBrace, obj.CloseBrace, obj.Fields.IsEmpty ? null : obj.Fields[^1], fieldText);

    /// <summary>
    /// Prints <paramref name="snippet"/> canonically with every line indented by <paramref name="indentation"/> plus the
    /// file's unit per nesting level, joined by the file's line ending; no trailing line break.
    /// </summary>
    public static string Format(SyntaxTree tree, string snippet, string indentation)
    {
        var source = tree.Source;
        var unit = IndentUnit(tree);
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
        var newline = source.IndexOf('\n', offset);
        if (newline < 0)
        {
            return source.Length;
        }

        return newline > 0 && source[newline - 1] == '\r' ? newline - 1 : newline;
    }

    /// <summary>The spaces and tabs that start the line holding <paramref name="offset"/>.</summary>
    public static string LineIndentation(SourceText source, int offset)
    {
        var text = source;
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

    /// <summary>
    /// The file's indentation unit: what its first nested statement is indented by beyond its block (a tab, Alloy's
    /// style, when nothing is nested).
    /// </summary>
    public static string IndentUnit(SyntaxTree tree) => FirstIndentUnit(tree.Source, tree.Root) ?? "\t";

    /// <summary>
    /// The indentation unit of the first block in <paramref name="body"/> that shows one, depth first in source order
    /// (blocks only nest in bodies, so walking the statements finds them without visiting every node); null when none does.
    /// </summary>
    private static string? FirstIndentUnit(SourceText source, Body body)
    {
        foreach (var statement in body.Statements)
        {
            if (statement is BlockStatement block && (IndentUnitOf(source, block) ?? FirstIndentUnit(source, block.Body)) is { } unit)
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>What the block's first statement is indented by beyond the block, when it is on a later line and all tabs or all spaces; else null.</summary>
    private static string? IndentUnitOf(SourceText source, BlockStatement block)
    {
        if (block.Body.Statements.FirstOrDefault() is not { } first || source.Lines.GetLine(first.Span.Start) == source.Lines.GetLine(block.Span.Start))
        {
            return null;
        }

        var outer = LineIndentation(source, block.Span.Start);
        var inner = LineIndentation(source, first.Span.Start);
        if (inner.Length > outer.Length && inner.StartsWith(outer, StringComparison.Ordinal))
        {
            var unit = inner[outer.Length..];
            if (unit.All(c => c == '\t') || unit.All(c => c == ' '))
            {
                return unit;
            }
        }

        return null;
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
            var header = source[block.Span.Start..block.OpenBrace.Start].TrimEnd();
            var statements = block.Body.Statements.Select(statement => source[statement.Span]).Append(snippet);
            var reprinted = Format(tree, $"{header} {{\n{string.Join('\n', statements)}\n}}", blockIndentation);
            return TextEdit.Replace(block.Span, reprinted[blockIndentation.Length..]);
        }

        var statementsInBody = block.Body.Statements;
        var innerIndentation = statementsInBody.IsEmpty
            ? blockIndentation + IndentUnit(tree)
            : LineIndentation(source, statementsInBody[0].Span.Start);
        var code = Format(tree, snippet, innerIndentation);
        if (asAttribute)
        {
            var afterOpenBrace = EndOfLine(source, block.OpenBrace.End);
            return TextEdit.Insert(afterOpenBrace, newline + code + (statementsInBody.IsEmpty ? string.Empty : newline));
        }

        if (statementsInBody.IsEmpty)
        {
            return TextEdit.Insert(EndOfLine(source, block.OpenBrace.End), newline + code);
        }

        return TextEdit.Insert(EndOfLine(source, statementsInBody[^1].Span.End), newline + newline + code);
    }

    /// <summary>
    /// Inserts <c>name = value</c> on the line after <paramref name="last"/>. The attribute joins the run of adjacent
    /// one-line attributes ending there, whose <c>=</c> the formatter aligns; the run is re-padded to the new width.
    /// </summary>
    private static TextEdit[] InsertAfterAttribute(SyntaxTree tree, Body body, AttributeStatement last, string name, string valueText)
    {
        var source = tree.Source;
        var lines = source.Lines;
        var run = new List<AttributeStatement>();
        var statements = body.Statements;
        for (var i = statements.IndexOf(last); i >= 0; i--)
        {
            if (statements[i] is not AttributeStatement attribute
                || lines.GetLine(attribute.Span.Start) != lines.GetLine(attribute.Span.End)
                || (run.Count > 0 && lines.GetLine(attribute.Span.End) != lines.GetLine(run[^1].Span.Start) - 1))
            {
                break;
            }

            run.Add(attribute);
        }

        var width = run.Select(attribute => attribute.Name.Name.Length).Append(name.Length).Max();
        var edits = new List<TextEdit>();
        foreach (var attribute in run)
        {
            var gap = TextSpan.FromBounds(attribute.Name.Span.End, source.IndexOf('=', attribute.Name.Span.End));
            if (source[gap].Any(c => c is not (' ' or '\t')))
            {
                // A comment between a name and its '=': leave the alignment to the formatter.
                edits.Clear();
                width = name.Length;
                break;
            }

            var padding = new string(' ', width - attribute.Name.Name.Length + 1);
            if (source[gap] != padding)
            {
                edits.Add(TextEdit.Replace(gap, padding));
            }
        }

        var indentation = LineIndentation(source, last.Span.Start);
        var code = Format(tree, $"{name} = {valueText}", indentation).Insert(indentation.Length + name.Length, new string(' ', width - name.Length));
        edits.Add(TextEdit.Insert(EndOfLine(source, last.Span.End), source.LineEnding + code));
        return [.. edits];
    }

    private static TextEdit[]? AppendItem(SyntaxTree tree, TextSpan open, TextSpan close, SyntaxNode? last, string itemText)
    {
        if (last is not null)
        {
            return [AppendAfterLast(tree.Source, last, close, itemText)];
        }

        // An empty list or object: fill it, unless a comment inside would be lost.
        return HasCommentInside(tree, TextSpan.FromBounds(open.Start, close.End)) ? null : [TextEdit.Replace(TextSpan.FromBounds(open.End, close.Start), itemText)];
    }

    private static TextEdit AppendAfterLast(SourceText source, SyntaxNode last, TextSpan close, string itemText)
    {
        var between = source[last.Span.End..close.Start];
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
