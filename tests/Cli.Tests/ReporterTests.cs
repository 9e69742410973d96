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
