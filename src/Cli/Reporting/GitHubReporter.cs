using System.Text;
using AlloyLint.Parser.Diagnostics;

namespace AlloyLint.Cli.Reporting;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>) that become annotations on the
/// changed files. Values are escaped as GitHub's toolkit does; columns are left out when a span crosses lines.
/// </summary>
internal sealed class GitHubReporter(ReportOptions options) : IReporter
{
    public void Write(LintReport report, TextWriter output)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            var (start, end) = (diagnostic.Start, diagnostic.End);
            var properties = new StringBuilder($"file={EscapeProperty(options.DisplayPath(diagnostic.Source.Path))},line={start.Line}");
            if (start.Line == end.Line)
            {
                properties.Append($",col={start.Column},endLine={end.Line},endColumn={end.Column}");
            }
            else
            {
                properties.Append($",endLine={end.Line}");
            }

            properties.Append($",title={EscapeProperty($"{diagnostic.Rule.Id} ({diagnostic.Rule.Name})")}");
            var message = diagnostic.Message;
            if (diagnostic.Fix is { } fix)
            {
                message += $"\nfix: {fix.Title} ({(fix.Applicability == Rules.Fixes.Applicability.Safe ? "safe" : "unsafe")})";
            }

            output.WriteLine($"::{Command(diagnostic.Severity)} {properties}::{EscapeData(message)}");
        }

        foreach (var problem in report.Problems)
        {
            output.WriteLine($"::error file={EscapeProperty(options.DisplayPath(problem.Path))},title={ProductInfo.Name}::{EscapeData($"{options.DisplayPath(problem.Path)}: {problem.Message}")}");
        }
    }

    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string Command(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };
}
