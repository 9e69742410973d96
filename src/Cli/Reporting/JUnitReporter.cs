using System.Buffers;
using AlloyLint.Cli.IO;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;

namespace AlloyLint.Cli.Reporting;

/// <summary>
/// JUnit XML, which most CI systems show as a test report (Jenkins, GitLab's <c>artifacts:reports:junit</c>, Azure
/// Pipelines, CircleCI): a test suite per file with findings, a failed test case per finding, and a suite with an error
/// per file that could not be read. A clean run is one suite with one passed case, so that the report is never empty.
/// Written by hand: the format needs only escaping, and System.Xml would add megabytes to the native binary.
/// </summary>
internal sealed class JUnitReporter(ReportOptions options) : IReporter
{
    private static readonly SearchValues<char> Specials = SearchValues.Create("&<>\"\n\r\t");

    public void Write(LintReport report, TextWriter output)
    {
        var clean = report.Diagnostics.Count == 0 && report.Problems.Count == 0;
        output.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"");
        output.Write(ProductInfo.Name);
        output.Write("\" tests=\"");
        output.WriteNumber(clean ? 1 : report.Diagnostics.Count + report.Problems.Count);
        output.Write("\" failures=\"");
        output.WriteNumber(report.Diagnostics.Count);
        output.Write("\" errors=\"");
        output.WriteNumber(report.Problems.Count);
        output.Write("\">\n");

        // The findings come in report order, so each file's are together.
        for (var first = 0; first < report.Diagnostics.Count;)
        {
            var source = report.Diagnostics[first].Source;
            var end = first;
            while (end < report.Diagnostics.Count && report.Diagnostics[end].Source == source)
            {
                end++;
            }

            var path = options.DisplayPath(source.Path);
            StartSuite(output, path, tests: end - first, failures: end - first, errors: 0);
            for (var index = first; index < end; index++)
            {
                WriteFailure(output, path, report.Diagnostics[index]);
            }

            output.Write("  </testsuite>\n");
            first = end;
        }

        foreach (var problem in report.Problems)
        {
            var path = options.DisplayPath(problem.Path);
            StartSuite(output, path, tests: 1, failures: 0, errors: 1);
            output.Write("    <testcase name=\"read\" classname=\"");
            WriteEscaped(output, path);
            output.Write("\">\n      <error message=\"");
            WriteEscaped(output, problem.Message);
            output.Write("\"/>\n    </testcase>\n  </testsuite>\n");
        }

        if (clean)
        {
            StartSuite(output, ProductInfo.Name, tests: 1, failures: 0, errors: 0);
            output.Write("    <testcase name=\"");
            output.Write(ProductInfo.Name);
            output.Write("\" classname=\"");
            output.Write(ProductInfo.Name);
            output.Write("\"/>\n  </testsuite>\n");
        }

        output.Write("</testsuites>\n");
    }

    private static void StartSuite(TextWriter output, string name, int tests, int failures, int errors)
    {
        output.Write("  <testsuite name=\"");
        WriteEscaped(output, name);
        output.Write("\" tests=\"");
        output.WriteNumber(tests);
        output.Write("\" failures=\"");
        output.WriteNumber(failures);
        output.Write("\" errors=\"");
        output.WriteNumber(errors);
        output.Write("\">\n");
    }

    /// <summary>A failed case named by the rule and where the finding starts; the failure's text is the concise line.</summary>
    private static void WriteFailure(TextWriter output, string path, LintDiagnostic diagnostic)
    {
        var start = diagnostic.Start;
        output.Write("    <testcase name=\"");
        output.Write(diagnostic.Rule.Id);
        output.Write(' ');
        output.Write(diagnostic.Rule.Name);
        output.Write(" (");
        output.WriteNumber(start.Line);
        output.Write(':');
        output.WriteNumber(start.Column);
        output.Write(")\" classname=\"");
        WriteEscaped(output, path);
        output.Write("\" file=\"");
        WriteEscaped(output, path);
        output.Write("\" line=\"");
        output.WriteNumber(start.Line);
        output.Write("\">\n      <failure message=\"");
        WriteEscaped(output, diagnostic.Message);
        output.Write("\" type=\"");
        output.Write(SeverityNames.Name(diagnostic.Severity));
        output.Write("\">");
        WriteEscaped(output, path);
        output.Write(':');
        output.WriteNumber(start.Line);
        output.Write(':');
        output.WriteNumber(start.Column);
        output.Write(": ");
        output.Write(SeverityNames.Name(diagnostic.Severity));
        output.Write(": ");
        WriteEscaped(output, diagnostic.Message);
        output.Write(" [");
        output.Write(diagnostic.Rule.Id);
        output.Write("]</failure>\n    </testcase>\n");
    }

    /// <summary>
    /// Text for an attribute or element: markup characters and line breaks as character references, and characters
    /// XML 1.0 cannot hold (other control characters, unpaired surrogates) as U+FFFD.
    /// </summary>
    private static void WriteEscaped(TextWriter output, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var plain = 0;
            while (plain < text.Length && !Specials.Contains(text[plain]) && IsXmlChar(text, plain))
            {
                plain += char.IsHighSurrogate(text[plain]) ? 2 : 1;
            }

            output.Write(text[..plain]);
            if (plain == text.Length)
            {
                return;
            }

            output.Write(text[plain] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\n' => "&#10;",
                '\r' => "&#13;",
                '\t' => "&#9;",
                _ => "\uFFFD",
            });
            text = text[(plain + 1)..];
        }
    }

    private static bool IsXmlChar(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
        }

        return !char.IsLowSurrogate(c) && (c >= ' ' || c is '\t' or '\n' or '\r') && c is not ('\uFFFE' or '\uFFFF');
    }
}
