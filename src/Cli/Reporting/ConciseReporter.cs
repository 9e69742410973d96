namespace AlloyLint.Cli.Reporting;

/// <summary>One line per finding, <c>path:line:col: severity: message [ID]</c>, for editors and problem matchers.</summary>
internal sealed class ConciseReporter(ReportOptions options) : IReporter
{
    public void Write(LintReport report, TextWriter output)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            var start = diagnostic.Start;
            output.Write($"{options.DisplayPath(diagnostic.Source.Path)}:{start.Line}:{start.Column}: {SeverityNames.Name(diagnostic.Severity)}: ");
            output.WriteLine($"{OneLine(diagnostic.Message)} [{diagnostic.Rule.Id}]");
        }
    }

    /// <summary>Line breaks in a message would split a record: they become spaces.</summary>
    public static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
