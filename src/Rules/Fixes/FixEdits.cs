using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Fixes;

/// <summary>
/// Builds the edits rules' fixes are made of, in canonical Alloy layout (tabs, <see cref="AlloyFormatter.FormatSnippet"/>),
/// touching as little of the file as possible so that comments and the user's layout survive. Edits use "\n";
/// <see cref="FixApplier"/> converts them to the file's line ending.
/// </summary>
public static class FixEdits
{
    /// <summary>Appends <paramref name="snippet"/> (statements, e.g. a block) at the end of the file, after one blank line.</summary>
    public static TextEdit AppendStatements(SyntaxTree tree, string snippet)
    {
        var text = tree.Source.Text;
        var trimmedEnd = text.AsSpan().TrimEnd().Length;
        var separator = trimmedEnd == 0 ? string.Empty : "\n\n";
        return TextEdit.Replace(TextSpan.FromBounds(trimmedEnd, text.Length), separator + AlloyFormatter.FormatSnippet(snippet) + "\n");
    }

    /// <summary>Inserts <paramref name="snippet"/> after <paramref name="statement"/> (and any comment ending its line), after one blank line, at its indentation.</summary>
    public static TextEdit InsertStatementsAfter(SyntaxTree tree, Statement statement, string snippet)
    {
        var lines = tree.Source.Lines;
        var line = lines.GetLine(statement.Span.End);
        var indentLevel = IndentLevel(tree, statement.Span.Start);
        return TextEdit.Insert(lines.LineEnd(line), "\n\n" + AlloyFormatter.FormatSnippet(snippet, indentLevel));
    }

    /// <summary>
    /// Sets <c>name = valueSource</c> in <paramref name="block"/>: replaces the value when the attribute exists,
    /// else adds a line after the last attribute (or at the top of the body). A block written on one line is
    /// reprinted on several.
    /// </summary>
    public static TextEdit SetAttribute(SyntaxTree tree, BlockStatement block, string name, string valueSource)
    {
        if (block.Body.Attributes.FirstOrDefault(attribute => attribute.Name.Name == name) is { } existing)
        {
            return TextEdit.Replace(existing.Value.Span, valueSource);
        }

        var lines = tree.Source.Lines;
        var statement = $"{name} = {valueSource}";
        if (lines.GetLine(block.OpenBrace.Start) == lines.GetLine(block.CloseBrace.Start))
        {
            var text = tree.Source.Text;
            var head = text[block.Span.Start..block.CloseBrace.Start].TrimEnd();
            var reprinted = AlloyFormatter.FormatSnippet($"{head}\n{statement}\n}}", IndentLevel(tree, block.Span.Start));
            return TextEdit.Replace(block.Span, reprinted.TrimStart('\t'));
        }

        var innerIndent = new string('\t', IndentLevel(tree, block.Span.Start) + 1);
        var after = block.Body.Attributes.LastOrDefault() is { } last ? lines.GetLine(last.Span.End) : lines.GetLine(block.OpenBrace.Start);
        var formatted = AlloyFormatter.FormatSnippet(statement);
        return TextEdit.Insert(lines.LineEnd(after), "\n" + innerIndent + formatted);
    }

    /// <summary>
    /// Adds <paramref name="itemSource"/> at the end of a list: <c>[a]</c> becomes <c>[a, item]</c>, <c>[]</c> becomes
    /// <c>[item]</c>, and a list written one item per line gets a new line (with its trailing comma).
    /// </summary>
    public static TextEdit AppendToList(SyntaxTree tree, ArrayExpression list, string itemSource)
    {
        if (list.Elements.IsEmpty)
        {
            return TextEdit.Replace(TextSpan.FromBounds(list.OpenBracket.End, list.CloseBracket.Start), itemSource);
        }

        var lines = tree.Source.Lines;
        var last = list.Elements[^1];
        if (lines.GetLine(last.Span.End) == lines.GetLine(list.CloseBracket.Start))
        {
            return TextEdit.Insert(last.Span.End, ", " + itemSource);
        }

        var text = tree.Source.Text;
        var comma = text.IndexOf(',', last.Span.End, list.CloseBracket.Start - last.Span.End);
        var lineStart = lines.LineStart(lines.GetLine(last.Span.Start));
        var indentEnd = lineStart;
        while (text[indentEnd] is ' ' or '\t')
        {
            indentEnd++;
        }

        var indent = text[lineStart..indentEnd];
        return comma >= 0
            ? TextEdit.Insert(lines.LineEnd(lines.GetLine(comma)), $"\n{indent}{itemSource},")
            : TextEdit.Insert(last.Span.End, $",\n{indent}{itemSource},");
    }

    /// <summary>How many tabs deep the line holding <paramref name="offset"/> is indented (a run of 4 spaces counts as one).</summary>
    public static int IndentLevel(SyntaxTree tree, int offset)
    {
        var lines = tree.Source.Lines;
        var text = tree.Source.Text;
        var start = lines.LineStart(lines.GetLine(offset));
        int tabs = 0, spaces = 0;
        for (var i = start; i < text.Length && text[i] is ' ' or '\t'; i++)
        {
            if (text[i] == '\t')
            {
                tabs++;
            }
            else
            {
                spaces++;
            }
        }

        return tabs + spaces / 4;
    }
}
