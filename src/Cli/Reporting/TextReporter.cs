using AlloyLint.Cli.IO;
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

    // Where a shown line is read into, so that tens of thousands of findings make no string each.
    private char[] _lineText = new char[256];

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

    /// <summary>Written piece by piece: strings built per finding would be most of a large run's report memory.</summary>
    private void WriteDiagnostic(LintDiagnostic diagnostic, TextWriter output)
    {
        var (start, end) = (diagnostic.Start, diagnostic.End);
        var color = SeverityColor(diagnostic.Severity);
        BeginStyle(output);
        output.Write(options.DisplayPath(diagnostic.Source.Path));
        output.Write(':');
        output.WriteNumber(start.Line);
        output.Write(':');
        output.WriteNumber(start.Column);
        output.Write(':');
        EndStyle(output);
        output.Write(' ');
        BeginStyle(output, color);
        output.Write(SeverityNames.Name(diagnostic.Severity));
        output.Write('[');
        output.Write(diagnostic.Rule.Id);
        output.Write(']');
        EndStyle(output);
        BeginStyle(output);
        output.Write(": ");
        output.Write(ConciseReporter.OneLine(diagnostic.Message));
        EndStyle(output);
        output.WriteLine();

        var lines = diagnostic.Source.Lines;
        var lastLine = Math.Max(start.Line, end.Line - (end.Column == 1 && end.Line > start.Line ? 1 : 0));
        var gutterWidth = TextWriterExtensions.DigitCount(lastLine);
        WriteGutter(output, gutterWidth + 1, "|");
        output.WriteLine();
        for (var line = start.Line; line <= lastLine; line++)
        {
            if (lastLine - start.Line >= MaxShownLines && line == start.Line + 1)
            {
                WriteGutter(output, gutterWidth, " ...");
                output.WriteLine();
                line = lastLine - 1;
                continue;
            }

            var lineText = diagnostic.Source.Read(TextSpan.FromBounds(lines.LineStart(line), lines.LineEnd(line)), ref _lineText);
            BeginStyle(output, Blue);
            output.WriteRepeated(' ', gutterWidth - TextWriterExtensions.DigitCount(line));
            output.WriteNumber(line);
            output.Write(" |");
            EndStyle(output);
            var shown = lineText.TrimEnd();
            if (!shown.IsEmpty)
            {
                output.Write(' ');
                WriteExpandingTabs(output, shown);
            }

            output.WriteLine();
            if (line == start.Line || line == lastLine)
            {
                var from = line == start.Line ? start.Column - 1 : 0;
                var to = line == end.Line ? end.Column - 1 : lineText.Length;
                var caretStart = DisplayWidth(lineText[..Math.Min(from, lineText.Length)]);
                var caretCount = Math.Max(1, DisplayWidth(lineText[..Math.Min(to, lineText.Length)]) - caretStart);
                WriteGutter(output, gutterWidth + 1, "|");
                output.WriteRepeated(' ', caretStart + 1);
                BeginStyle(output, color);
                output.WriteRepeated('^', caretCount);
                EndStyle(output);
                output.WriteLine();
            }
        }

        if (diagnostic.Fix is { } fix)
        {
            WriteGutter(output, gutterWidth + 1, "=");
            output.Write(' ');
            BeginStyle(output);
            output.Write("fix");
            EndStyle(output);
            output.Write(": ");
            output.Write(fix.Title);
            output.Write(fix.Applicability == Applicability.Safe ? " (safe fix)" : " (unsafe fix, needs --unsafe-fixes)");
            output.WriteLine();
        }

        output.WriteLine();
    }

    /// <summary>The left margin of the source lines: <paramref name="indent"/> spaces and a mark, in blue.</summary>
    private void WriteGutter(TextWriter output, int indent, string mark)
    {
        BeginStyle(output, Blue);
        output.WriteRepeated(' ', indent);
        output.Write(mark);
        EndStyle(output);
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
            output.WriteLine($"{Plural(report.Problems.Count - unread, "file")} could not be rewritten.");
        }
    }

    internal static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static void WriteExpandingTabs(TextWriter output, ReadOnlySpan<char> text)
    {
        for (var tab = text.IndexOf('\t'); tab >= 0; tab = text.IndexOf('\t'))
        {
            output.Write(text[..tab]);
            output.WriteRepeated(' ', TabWidth);
            text = text[(tab + 1)..];
        }

        output.Write(text);
    }

    private static int DisplayWidth(ReadOnlySpan<char> text) => text.Length + (text.Count('\t') * (TabWidth - 1));

    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";
    private const string Blue = "\u001b[34m";
    private const string BoldCode = "\u001b[1m";
    private const string ResetCode = "\u001b[0m";

    private static string SeverityColor(Severity severity) => severity switch
    {
        Severity.Error => Red,
        Severity.Warning => Yellow,
        _ => Cyan,
    };

    /// <summary>Starts bold text, in <paramref name="color"/> if given, when colour is on; <see cref="EndStyle"/> ends it.</summary>
    private void BeginStyle(TextWriter output, string? color = null)
    {
        if (options.Color)
        {
            output.Write(BoldCode);
            if (color is not null)
            {
                output.Write(color);
            }
        }
    }

    private void EndStyle(TextWriter output)
    {
        if (options.Color)
        {
            output.Write(ResetCode);
        }
    }
}
