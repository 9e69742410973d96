using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;

namespace AlloyLint.Rules.Suppression;

/// <summary>
/// Reports suppression comments, or IDs in them, that suppress nothing: the rule reported nothing there, the ID
/// names no rule, or no ID is given. Codes of rules that did not run are not judged.
/// </summary>
public sealed class AL901UnusedSuppression : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL901",
        "unused-suppression",
        RuleCategory.Suppression,
        Severity.Warning,
        "A suppression comment suppresses nothing.",
        FixAvailability.Always);

    public override void Check(LintContext context)
    {
        if (context.Suppressions is not { } suppressions)
        {
            return;
        }

        foreach (var directive in suppressions.Directives)
        {
            if (directive.Codes.IsEmpty)
            {
                context.Report(directive.Tree, directive.Comment.Span, "suppression names no rule; list rule IDs (or 'all') after the keyword",
                    Fix.Safe("Remove the suppression comment", DeleteComment(directive)));
                continue;
            }

            var useless = directive.Codes.Where(code => !suppressions.IsUsed(code) && suppressions.IsJudged(code)).ToList();
            if (useless.Count == 0)
            {
                continue;
            }

            var unknown = useless.Where(code => !code.IsAll && suppressions.FindRule(code) is null).Select(code => code.Text).ToList();
            var unused = useless.Where(code => code.IsAll || suppressions.FindRule(code) is not null).Select(code => code.Text).ToList();
            var parts = new List<string>();
            if (unused.Count > 0)
            {
                parts.Add($"unused suppression for {string.Join(", ", unused)}: nothing was reported {Where(directive)}");
            }

            if (unknown.Count > 0)
            {
                parts.Add($"unknown rule {string.Join(", ", unknown.Select(text => $"'{text}'"))} in suppression");
            }

            var kept = directive.Codes.Except(useless).ToList();
            var fix = kept.Count == 0
                ? Fix.Safe("Remove the suppression comment", DeleteComment(directive))
                : Fix.Safe($"Remove {string.Join(", ", useless.Select(code => code.Text))} from the suppression",
                    TextEdit.Replace(directive.CodesSpan, string.Join(", ", kept.Select(code => code.Text))));
            var span = TextSpan.FromBounds(useless[0].Span.Start, useless[^1].Span.End);
            context.Report(directive.Tree, span, string.Join("; ", parts), fix);
        }
    }

    private static string Where(SuppressionDirective directive) => directive.Kind switch
    {
        SuppressionKind.Line => "on this line",
        SuppressionKind.NextLine => "on the next line",
        _ => "in this file",
    };

    /// <summary>
    /// Deletes the comment; when it is alone on its line, the whole line goes with it (and, at the top of the file,
    /// the blank lines after it), else the blanks before it.
    /// </summary>
    private static TextEdit DeleteComment(SuppressionDirective directive)
    {
        var text = directive.Tree.Source;
        var span = directive.Comment.Span;
        var start = span.Start;
        while (start > 0 && text[start - 1] is ' ' or '\t')
        {
            start--;
        }

        var end = span.End;
        var lineStartsAtComment = start == 0 || text[start - 1] == '\n';
        if (lineStartsAtComment)
        {
            while (end < text.Length && text[end] is ' ' or '\t' or '\r')
            {
                end++;
            }

            if (end < text.Length && text[end] == '\n')
            {
                end++;
                if (start == 0)
                {
                    // At the top of the file, the blank lines after the comment would be left leading the file.
                    while (end < text.Length && text[end] is '\r' or '\n')
                    {
                        end++;
                    }
                }

                return TextEdit.Delete(TextSpan.FromBounds(start, end));
            }
        }

        return TextEdit.Delete(TextSpan.FromBounds(start, span.End));
    }
}
