using AlloyLint.Parser.Text;

namespace AlloyLint.Rules.Fixes;

/// <summary>Replace the text at <see cref="Span"/> of the original source with <see cref="NewText"/>.</summary>
public sealed record TextEdit(TextSpan Span, string NewText)
{
    public static TextEdit Insert(int offset, string text) => new(new TextSpan(offset, 0), text);

    public static TextEdit Delete(TextSpan span) => new(span, string.Empty);

    public static TextEdit Replace(TextSpan span, string text) => new(span, text);

    /// <summary>This edit with its new text's line breaks made <paramref name="newline"/>, the file's own (rules write "\n").</summary>
    public TextEdit WithLineEnding(string newline) =>
        newline == "\n" || !NewText.Contains('\n', StringComparison.Ordinal)
            ? this
            : this with { NewText = NewText.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", newline, StringComparison.Ordinal) };

    /// <summary>
    /// The text with <paramref name="edits"/> (in order, not overlapping) applied, built in one string: a large file is
    /// not copied twice through a builder.
    /// </summary>
    public static string ApplyAll(string text, IReadOnlyList<TextEdit> edits)
    {
        var length = text.Length + edits.Sum(edit => edit.NewText.Length - edit.Span.Length);
        return string.Create(length, (Text: text, Edits: edits), static (result, state) =>
        {
            var position = 0;
            foreach (var edit in state.Edits)
            {
                var kept = state.Text.AsSpan(position, edit.Span.Start - position);
                kept.CopyTo(result);
                edit.NewText.CopyTo(result[kept.Length..]);
                result = result[(kept.Length + edit.NewText.Length)..];
                position = edit.Span.End;
            }

            state.Text.AsSpan(position).CopyTo(result);
        });
    }
}
