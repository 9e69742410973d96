using System.Text.Json.Nodes;
using AlloyLint.Cli.Discovery;
using AlloyLint.Cli.Reporting;
using AlloyLint.Cli.Reporting.Json;
using AlloyLint.Cli.Reporting.Sarif;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Cli.Tests;

/// <summary>Every format on the same hand-made findings (tabs, non-ASCII, multi-line spans, safe and unsafe fixes, an unreadable path).</summary>
public class ReporterTests
{
    private const string WorkingDirectory = "/home/runner/work/repo/repo";

    private static LintReport Report() =>
        new(TestRules.Findings(), [new PathProblem("deploy/locked.alloy", "permission denied")], 3, TestRules.All);

    private static string Render(IReporter reporter)
    {
        using var output = new StringWriter { NewLine = "\n" };
        reporter.Write(Report(), output);
        return output.ToString();
    }

    private static ReportOptions Options => new(WorkingDirectory);

    /// <summary>Fixed docs pages, so the golden files do not change with the real rules-docs.</summary>
    internal static string? DocsPage(string ruleId) => ruleId == "AL401"
        ? "# AL401: hardcoded-secret\n\n## What it does\n\nFinds secrets written\nin the file.\n\n## Why it matters\n\nThey leak.\n"
        : null;

    [Fact]
    public void Text() => Golden.Verify(Render(new TextReporter(Options)), "tests/Cli.Tests/Golden/reporters/text.verified.txt");

    [Fact]
    public void Text_in_colour() => Golden.Verify(Render(new TextReporter(new ReportOptions(WorkingDirectory, color: true))), "tests/Cli.Tests/Golden/reporters/text-color.verified.txt");

    [Fact]
    public void Text_quiet_has_no_summary()
    {
        var quiet = Render(new TextReporter(new ReportOptions(WorkingDirectory, quiet: true)));

        Assert.DoesNotContain("Found", quiet, StringComparison.Ordinal);
        Assert.StartsWith("deploy/config.alloy:3:2: error[AL001]", quiet, StringComparison.Ordinal);
    }

    [Fact]
    public void Concise() => Golden.Verify(Render(new ConciseReporter(Options)), "tests/Cli.Tests/Golden/reporters/concise.verified.txt");

    [Fact]
    public void Json() => Golden.Verify(Render(new JsonReporter(Options)), "tests/Cli.Tests/Golden/reporters/json.verified.json");

    [Fact]
    public void GitHub() => Golden.Verify(Render(new GitHubReporter(Options)), "tests/Cli.Tests/Golden/reporters/github.verified.txt");

    [Fact]
    public void Sarif() => Golden.Verify(Render(new SarifReporter(Options, DocsPage)), "tests/Cli.Tests/Golden/reporters/sarif.verified.sarif");

    [Fact]
    public void GitLab() => Golden.Verify(Render(new GitLabReporter(Options)), "tests/Cli.Tests/Golden/reporters/gitlab.verified.json");

    [Fact]
    public void JUnit() => Golden.Verify(Render(new JUnitReporter(Options)), "tests/Cli.Tests/Golden/reporters/junit.verified.xml");

    [Fact]
    public void GitLab_fingerprints_follow_a_finding_when_lines_move_and_tell_alike_findings_apart()
    {
        static List<string> Fingerprints(string text)
        {
            var source = Parser.Text.SourceText.From(text, "config.alloy");
            List<Rules.Engine.LintDiagnostic> findings =
            [
                .. AllIndexes(text, "env(").Select(offset => new Rules.Engine.LintDiagnostic(TestRules.Secret, Parser.Diagnostics.Severity.Warning, source, new Parser.Text.TextSpan(offset, 3), "deprecated")),
            ];
            using var output = new StringWriter();
            new GitLabReporter(Options).Write(new LintReport(findings, [], 1, TestRules.All), output);
            return [.. JsonNode.Parse(output.ToString())!.AsArray().Select(issue => issue!["fingerprint"]!.GetValue<string>())];
        }

        var before = Fingerprints("a = env(\"A\")\nb = env(\"A\")\nc = env(\"C\")\n");
        var after = Fingerprints("// a new first line\na = env(\"A\")\nb = env(\"A\")\nc = env(\"C\")\n");

        Assert.Equal(before, after);
        Assert.Equal(3, before.Distinct().Count());
        Assert.All(before, fingerprint => Assert.Matches("^[0-9a-f]{32}$", fingerprint));
    }

    [Fact]
    public void JUnit_is_well_formed_xml_whatever_the_messages_hold_and_a_clean_run_passes()
    {
        var source = Parser.Text.SourceText.From("a = 1\n", "odd \"name\" & <co>.alloy");
        var finding = new Rules.Engine.LintDiagnostic(TestRules.Style, Parser.Diagnostics.Severity.Note, source, new Parser.Text.TextSpan(0, 1), "bell \u0007, lone \ud800, tab\t & <tag> \"quoted\" \U0001F600");
        using var output = new StringWriter();
        new JUnitReporter(Options).Write(new LintReport([finding], [new PathProblem("gone.alloy", "no such file")], 1, TestRules.All), output);

        var document = System.Xml.Linq.XDocument.Parse(output.ToString());
        var failure = document.Descendants("failure").Single();
        Assert.Equal("bell \uFFFD, lone \uFFFD, tab\t & <tag> \"quoted\" \U0001F600", failure.Attribute("message")!.Value);
        Assert.Equal("odd \"name\" & <co>.alloy", document.Descendants("testsuite").First().Attribute("name")!.Value);
        Assert.Equal("no such file", document.Descendants("error").Single().Attribute("message")!.Value);
        Assert.Equal(("2", "1", "1"), (document.Root!.Attribute("tests")!.Value, document.Root.Attribute("failures")!.Value, document.Root.Attribute("errors")!.Value));

        using var cleanOutput = new StringWriter();
        new JUnitReporter(Options).Write(new LintReport([], [], 4, TestRules.All), cleanOutput);
        var clean = System.Xml.Linq.XDocument.Parse(cleanOutput.ToString());
        Assert.Equal("1", clean.Root!.Attribute("tests")!.Value);
        Assert.Empty(clean.Descendants("failure"));
        Assert.Single(clean.Descendants("testcase"));
    }

    private static IEnumerable<int> AllIndexes(string text, string value)
    {
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + 1, StringComparison.Ordinal))
        {
            yield return index;
        }
    }

    [Fact]
    public void Statistics() => Golden.Verify(Render(new StatisticsReporter()), "tests/Cli.Tests/Golden/reporters/statistics.verified.txt");

    [Fact]
    public void GitHub_escapes_data_and_properties_like_the_actions_toolkit()
    {
        Assert.Equal("100%25 done%0D%0Anext: a, b", Escaped(GitHubReporter.WriteData, "100% done\r\nnext: a, b"));
        Assert.Equal("C%3A\\x%2Cy%25%0A", Escaped(GitHubReporter.WriteProperty, "C:\\x,y%\n"));
        Assert.Equal("plain", Escaped(GitHubReporter.WriteProperty, "plain"));
        Assert.Equal("%25%25%2C", Escaped(GitHubReporter.WriteProperty, "%%,"));
    }

    private delegate void Escape(TextWriter output, ReadOnlySpan<char> value);

    private static string Escaped(Escape escape, string value)
    {
        using var output = new StringWriter();
        escape(output, value);
        return output.ToString();
    }

    [Fact]
    public void Sarif_locations_are_relative_to_the_working_directory_under_srcroot()
    {
        var sarif = JsonNode.Parse(Render(new SarifReporter(Options, DocsPage)))!;
        var run = sarif["runs"]![0]!;
        var location = run["results"]![0]!["locations"]![0]!["physicalLocation"]!;

        Assert.Equal("deploy/config.alloy", (string?)location["artifactLocation"]!["uri"]);
        Assert.Equal("%SRCROOT%", (string?)location["artifactLocation"]!["uriBaseId"]);
        Assert.Equal("file:///home/runner/work/repo/repo/", (string?)run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]);
        Assert.Equal(false, (bool?)run["invocations"]![0]!["executionSuccessful"]);
        Assert.Equal(3, run["tool"]!["driver"]!["rules"]!.AsArray().Count);
    }
}

public class SarifValidationTests
{
    private static string Sarif()
    {
        using var output = new StringWriter { NewLine = "\n" };
        new SarifReporter(new ReportOptions("/home/runner/work/repo/repo"), ReporterTests.DocsPage)
            .Write(new LintReport(TestRules.Findings(), [new PathProblem("deploy/locked.alloy", "permission denied")], 3, TestRules.All), output);
        return output.ToString();
    }

    [Fact]
    public void Reporter_output_matches_the_sarif_schema() => Assert.Empty(SarifValidation.SchemaErrors(Sarif()));

    [Fact]
    public void Reporter_output_passes_the_multitool_with_github_rules() => Assert.Empty(SarifValidation.MultitoolFindings(Sarif()));

    [Fact]
    public void The_schema_check_does_catch_an_invalid_log() =>
        Assert.NotEmpty(SarifValidation.SchemaErrors(Sarif().Replace("\"utf16CodeUnits\"", "\"bananas\"", StringComparison.Ordinal)));
}
