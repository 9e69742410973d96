using System.Buffers;
using AlloyLint.Cli.IO;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Fixes;

namespace AlloyLint.Cli.Reporting;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>) that become annotations on the
/// changed files. Values are escaped as GitHub's toolkit does; columns are left out when a span crosses lines.
/// Each command is written piece by piece, so a large report builds no string per finding.
/// </summary>
internal sealed class GitHubReporter(ReportOptions options) : IReporter
{
    private static readonly SearchValues<char> DataSpecials = SearchValues.Create("%\r\n");
    private static readonly SearchValues<char> PropertySpecials = SearchValues.Create("%\r\n:,");

    public void Write(LintReport report, TextWriter output)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            var (start, end) = (diagnostic.Start, diagnostic.End);
            output.Write("::");
            output.Write(Command(diagnostic.Severity));
            output.Write(" file=");
            WriteProperty(output, options.DisplayPath(diagnostic.Source.Path));
            output.Write(",line=");
            output.WriteNumber(start.Line);
            if (start.Line == end.Line)
            {
                output.Write(",col=");
                output.WriteNumber(start.Column);
            }

            output.Write(",endLine=");
            output.WriteNumber(end.Line);
            if (start.Line == end.Line)
            {
                output.Write(",endColumn=");
                output.WriteNumber(end.Column);
            }

            output.Write(",title=");
            WriteProperty(output, diagnostic.Rule.Id);
            output.Write(" (");
            WriteProperty(output, diagnostic.Rule.Name);
            output.Write(")::");
            WriteData(output, diagnostic.Message);
            if (diagnostic.Fix is { } fix)
            {
                output.Write("%0Afix: ");
                WriteData(output, fix.Title);
                output.Write(fix.Applicability == Applicability.Safe ? " (safe)" : " (unsafe)");
            }

            output.WriteLine();
        }

        foreach (var problem in report.Problems)
        {
            var path = options.DisplayPath(problem.Path);
            output.Write("::error file=");
            WriteProperty(output, path);
            output.Write(",title=");
            output.Write(ProductInfo.Name);
            output.Write("::");
            WriteData(output, path);
            output.Write(": ");
            WriteData(output, problem.Message);
            output.WriteLine();
        }
    }

    /// <summary>A message, escaped as the toolkit's <c>escapeData</c> does: <c>%</c>, CR and LF.</summary>
    public static void WriteData(TextWriter output, ReadOnlySpan<char> value) => WriteEscaped(output, value, DataSpecials);

    /// <summary>A property value, escaped as the toolkit's <c>escapeProperty</c> does: also <c>:</c> and <c>,</c>.</summary>
    public static void WriteProperty(TextWriter output, ReadOnlySpan<char> value) => WriteEscaped(output, value, PropertySpecials);

    private static void WriteEscaped(TextWriter output, ReadOnlySpan<char> value, SearchValues<char> specials)
    {
        for (var next = value.IndexOfAny(specials); next >= 0; next = value.IndexOfAny(specials))
        {
            output.Write(value[..next]);
            output.Write(value[next] switch
            {
                '%' => "%25",
                '\r' => "%0D",
                '\n' => "%0A",
                ':' => "%3A",
                _ => "%2C",
            });
            value = value[(next + 1)..];
        }

        output.Write(value);
    }

    private static string Command(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };
}
