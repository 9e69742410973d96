using System.Text.Json;
using System.Text.RegularExpressions;
using AlloyLint.Cli.Reporting;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Cli.Tests;

/// <summary>The shipped problem matchers (GitHub Actions and VS Code) read the concise output the CLI really writes.</summary>
public class ProblemMatcherTests
{
    private sealed record Matcher(Regex Regex, int File, int Line, int Column, int? Severity, int Message, int Code, string? DefaultSeverity);

    private static List<Matcher> Load(string relativePath, Func<JsonElement, IEnumerable<(JsonElement Matcher, JsonElement Pattern)>> select)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.RepoRoot, relativePath)));
        return [.. select(document.RootElement).Select(pair => new Matcher(
            new Regex(pair.Pattern.GetProperty("regexp").GetString()!),
            pair.Pattern.GetProperty("file").GetInt32(),
            pair.Pattern.GetProperty("line").GetInt32(),
            pair.Pattern.GetProperty("column").GetInt32(),
            pair.Pattern.TryGetProperty("severity", out var severity) ? severity.GetInt32() : null,
            pair.Pattern.GetProperty("message").GetInt32(),
            pair.Pattern.GetProperty("code").GetInt32(),
            pair.Matcher.TryGetProperty("severity", out var fixedSeverity) ? fixedSeverity.GetString() : null))];
    }

    private static List<Matcher> GitHubMatchers() => Load(".github/alloylint-matcher.json", root =>
        root.GetProperty("problemMatcher").EnumerateArray().Select(matcher => (matcher, matcher.GetProperty("pattern")[0])).ToList());

    private static List<Matcher> VsCodeMatchers() => Load("docs/vscode-tasks.json", root =>
        root.GetProperty("tasks").EnumerateArray().Select(task => task.GetProperty("problemMatcher")).Select(matcher => (matcher, matcher.GetProperty("pattern"))).ToList());

    private static List<string> RealConciseLines()
    {
        using var tree = new TempTree().File("deploy/broken config.alloy", "logging {\n\tlevel = \n}\n");
        var cli = CliRunner.Run(tree.Root, "--format", "concise", "--select", "AL001");
        Assert.Equal(1, cli.ExitCode);

        using var output = new StringWriter { NewLine = "\n" };
        new ConciseReporter(new ReportOptions("/repo")).Write(new LintReport(TestRules.Findings(), [], 1, TestRules.All), output);
        return [.. (cli.Out + output).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    [Fact]
    public void The_github_matcher_reads_every_concise_line()
    {
        var matchers = GitHubMatchers();
        foreach (var line in RealConciseLines())
        {
            var (matcher, match) = matchers.Select(matcher => (matcher, matcher.Regex.Match(line))).Single(pair => pair.Item2.Success);
            AssertFields(line, matcher, match);
            Assert.Contains(matcher.DefaultSeverity ?? match.Groups[matcher.Severity!.Value].Value, new[] { "error", "warning", "notice" });
        }
    }

    [Fact]
    public void The_vscode_task_matcher_reads_every_concise_line()
    {
        var matcher = Assert.Single(VsCodeMatchers());
        foreach (var line in RealConciseLines())
        {
            AssertFields(line, matcher, matcher.Regex.Match(line));
        }
    }

    private static void AssertFields(string line, Matcher matcher, Match match)
    {
        Assert.True(match.Success, line);
        var expected = Regex.Match(line, @"^(?<file>.+?):(?<line>\d+):(?<column>\d+): (?<severity>\w+): (?<message>.+) \[(?<code>AL\d{3})\]$");
        Assert.Equal(expected.Groups["file"].Value, match.Groups[matcher.File].Value);
        Assert.Equal(expected.Groups["line"].Value, match.Groups[matcher.Line].Value);
        Assert.Equal(expected.Groups["column"].Value, match.Groups[matcher.Column].Value);
        Assert.Equal(expected.Groups["message"].Value, match.Groups[matcher.Message].Value);
        Assert.Equal(expected.Groups["code"].Value, match.Groups[matcher.Code].Value);
    }
}
