using System.Globalization;

namespace AlloyLint.Cli.Reporting;

/// <summary>One line per finding, <c>path:line:col: severity: message [ID]</c>, for editors and problem matchers.</summary>
internal sealed class ConciseReporter(ReportOptions options) : IReporter
{
    public void Write(LintReport report, TextWriter output)
    {
        // Written piece by piece rather than as a string per finding: on a huge file those strings alone would set
        // off a collection of the whole heap at the very end of the run.
        Span<char> position = stackalloc char[32]; // ":line:column: " takes at most 24
        foreach (var diagnostic in report.Diagnostics)
        {
            var start = diagnostic.Start;
            position.TryWrite(CultureInfo.InvariantCulture, $":{start.Line}:{start.Column}: ", out var length);
            output.Write(options.DisplayPath(diagnostic.Source.Path));
            output.Write(position[..length]);
            output.Write(SeverityNames.Name(diagnostic.Severity));
            output.Write(": ");
            output.Write(OneLine(diagnostic.Message));
            output.Write(" [");
            output.Write(diagnostic.Rule.Id);
            output.WriteLine(']');
        }
    }

    /// <summary>Line breaks in a message would split a record: they become spaces.</summary>
    public static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
