using System.Text;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;

namespace AlloyLint.Cli.Reporting;

/// <summary>
/// The default terminal format, in the style of rustc and ruff: a header line <c>path:line:col: severity[ID]: message</c>,
/// the source lines with carets under the span, the fix's title and safety, then a summary. ANSI colour only when asked.
/// </summary>
internal sealed class TextReporter(ReportOptions options) : IReporter
{
    private const int TabWidth = 4;
    private const int MaxShownLines = 4;

    public void Write(LintReport report, TextWriter output)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            WriteDiagnostic(diagnostic, output);
        }

        if (!options.Quiet)
        {
            WriteSummary(report, output);
        }
    }

    private void WriteDiagnostic(LintDiagnostic diagnostic, TextWriter output)
    {
        var (start, end) = (diagnostic.Start, diagnostic.End);
        var severity = SeverityNames.Name(diagnostic.Severity);
        var color = SeverityColor(diagnostic.Severity);
        output.WriteLine($"{Bold($"{options.DisplayPath(diagnostic.Source.Path)}:{start}:")} {Paint($"{severity}[{diagnostic.Rule.Id}]", color)}{Bold($": {ConciseReporter.OneLine(diagnostic.Message)}")}");

        var lines = diagnostic.Source.Lines;
        var lastLine = Math.Max(start.Line, end.Line - (end.Column == 1 && end.Line > start.Line ? 1 : 0));
        var gutterWidth = lastLine.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        var blankGutter = Paint(new string(' ', gutterWidth + 1) + "|", Blue);
        output.WriteLine(blankGutter);
        for (var line = start.Line; line <= lastLine; line++)
        {
            if (lastLine - start.Line >= MaxShownLines && line == start.Line + 1)
            {
                output.WriteLine(Paint(new string(' ', gutterWidth) + " ...", Blue));
                line = lastLine - 1;
                continue;
            }

            var text = lines.LineText(line);
            var from = line == start.Line ? start.Column - 1 : 0;
            var to = line == end.Line ? end.Column - 1 : text.Length;
            var number = line.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(gutterWidth);
            output.WriteLine($"{Paint(number + " |", Blue)} {ExpandTabs(text, text.Length)}".TrimEnd());
            if (line == start.Line || line == lastLine)
            {
                var caretStart = DisplayWidth(text, Math.Min(from, text.Length));
                var caretCount = Math.Max(1, DisplayWidth(text, Math.Min(to, text.Length)) - caretStart);
                output.WriteLine($"{blankGutter} {new string(' ', caretStart)}{Paint(new string('^', caretCount), color)}");
            }
        }

        if (diagnostic.Fix is { } fix)
        {
            var safety = fix.Applicability == Applicability.Safe ? "safe fix" : "unsafe fix, needs --unsafe-fixes";
            output.WriteLine($"{Paint(new string(' ', gutterWidth + 1) + "=", Blue)} {Bold("fix")}: {fix.Title} ({safety})");
        }

        output.WriteLine();
    }

    private void WriteSummary(LintReport report, TextWriter output)
    {
        if (report.FixesApplied > 0)
        {
            output.WriteLine($"Fixed {Plural(report.FixesApplied, "problem")}.");
        }

        var total = report.Diagnostics.Count;
        var files = Plural(report.FileCount, "file");
        var unread = report.Problems.Count(problem => !problem.NotRewritten);
        if (total == 0)
        {
            output.WriteLine(unread == 0 ? $"All checks passed ({files})." : $"No problems found in the {files} that could be read.");
        }
        else
        {
            var parts = new[] { (Severity.Error, "error"), (Severity.Warning, "warning"), (Severity.Note, "note") }
                .Select(pair => (Count: report.Count(pair.Item1), pair.Item2))
                .Where(pair => pair.Count > 0)
                .Select(pair => Plural(pair.Count, pair.Item2));
            var affected = report.Diagnostics.Select(diagnostic => diagnostic.Source.Path).Distinct(StringComparer.Ordinal).Count();
            output.WriteLine($"Found {Plural(total, "problem")} ({string.Join(", ", parts)}) in {affected} of {files}.");
            var safe = report.Diagnostics.Count(diagnostic => diagnostic.Fix?.Applicability == Applicability.Safe);
            var @unsafe = report.Diagnostics.Count(diagnostic => diagnostic.Fix?.Applicability == Applicability.Unsafe);
            var fixable = options.UnsafeFixes ? safe + @unsafe : safe;
            if (fixable > 0)
            {
                output.WriteLine($"{fixable} fixable with --fix{(options.UnsafeFixes || @unsafe == 0 ? "." : $"; {@unsafe} more with --fix --unsafe-fixes.")}");
            }
            else if (@unsafe > 0)
            {
                output.WriteLine($"{@unsafe} fixable with --fix --unsafe-fixes.");
            }
        }

        if (unread > 0)
        {
            output.WriteLine($"{Plural(unread, "path")} could not be read.");
        }

        if (report.Problems.Count > unread)
        {
            output.WriteLine($"{Plural(report.Problems.Count - unread, "file")} could not be rewritten with the fixes.");
        }
    }

    internal static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string ExpandTabs(string text, int length)
    {
        var builder = new StringBuilder(length);
        foreach (var c in text.AsSpan(0, length))
        {
            builder.Append(c == '\t' ? new string(' ', TabWidth) : c.ToString());
        }

        return builder.ToString();
    }

    private static int DisplayWidth(string text, int length)
    {
        var width = 0;
        foreach (var c in text.AsSpan(0, length))
        {
            width += c == '\t' ? TabWidth : 1;
        }

        return width;
    }

    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";
    private const string Blue = "\u001b[34m";

    private static string SeverityColor(Severity severity) => severity switch
    {
        Severity.Error => Red,
        Severity.Warning => Yellow,
        _ => Cyan,
    };

    private string Paint(string text, string color) => options.Color ? $"\u001b[1m{color}{text}\u001b[0m" : text;

    private string Bold(string text) => options.Color ? $"\u001b[1m{text}\u001b[0m" : text;
}
