using System.Text.Json;
using System.Text.Json.Nodes;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Cli.Tests;

/// <summary>
/// Every output format of the real CLI on the same fixture project (Fixtures/project), plus fixing. The rule
/// families are pinned with --select so that rules added later do not change these files.
/// </summary>
public class CliGoldenTests
{
    private static readonly string[] Pinned = ["--select", "AL0,AL3,AL4,AL9"];

    private static string FixtureRoot => Path.Combine(SharedData.RepoRoot, "tests", "Cli.Tests", "Fixtures", "project");

    private static CliResult Lint(params string[] args) => CliRunner.Run(FixtureRoot, [.. Pinned, .. args]);

    private static string GoldenPath(string name) => $"tests/Cli.Tests/Golden/cli/{name}";

    [Theory]
    [InlineData("text", "text.verified.txt")]
    [InlineData("concise", "concise.verified.txt")]
    [InlineData("json", "json.verified.json")]
    [InlineData("github", "github.verified.txt")]
    [InlineData("gitlab", "gitlab.verified.json")]
    [InlineData("junit", "junit.verified.xml")]
    public void Format(string format, string golden)
    {
        var result = Lint("--format", format);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Error);
        Golden.Verify(result.Out, GoldenPath(golden));
    }

    [Fact]
    public void Sarif_results()
    {
        var result = Lint("--format", "sarif");
        Assert.Equal(1, result.ExitCode);

        // The driver's rules (and so each ruleIndex) change whenever a rule or its docs page is added: the
        // results without their index are what this pins; another test checks that the indexes are right.
        var run = JsonNode.Parse(result.Out)!["runs"]![0]!;
        Assert.Equal(new Uri(FixtureRoot + "/").AbsoluteUri, (string?)run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]);
        var results = run["results"]!.AsArray();
        foreach (var item in results)
        {
            item!.AsObject().Remove("ruleIndex");
        }

        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        Golden.Verify(results.ToJsonString(options) + "\n", GoldenPath("sarif-results.verified.json"));
    }

    [Fact]
    public void Sarif_of_the_fixture_is_valid_for_the_schema_and_github()
    {
        var sarif = CliRunner.Run(FixtureRoot, "--format", "sarif").Out;

        Assert.Empty(SarifValidation.SchemaErrors(sarif));
        Assert.Empty(SarifValidation.MultitoolFindings(sarif));
    }

    [Fact]
    public void Sarif_rules_carry_their_docs_and_results_point_into_them()
    {
        using var sarif = JsonDocument.Parse(CliRunner.Run(FixtureRoot, "--format", "sarif").Out);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");

        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var rule = rules[result.GetProperty("ruleIndex").GetInt32()];
            Assert.Equal(result.GetProperty("ruleId").GetString(), rule.GetProperty("id").GetString());
            Assert.StartsWith($"# {rule.GetProperty("id").GetString()}: ", rule.GetProperty("help").GetProperty("markdown").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Diff_shows_the_safe_fixes_and_writes_nothing()
    {
        using var copy = CopyOfFixture();
        var before = Snapshot(copy.Root);

        var result = CliRunner.Run(copy.Root, [.. Pinned, "--diff"], null);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Would fix 2 problems in 2 files.\n", result.Error);
        Assert.Equal(before, Snapshot(copy.Root));
        Golden.Verify(result.Out, GoldenPath("diff.verified.txt"));
    }

    [Fact]
    public void Fix_writes_safe_fixes_and_reports_what_remains()
    {
        using var copy = CopyOfFixture();

        var result = CliRunner.Run(copy.Root, [.. Pinned, "--fix", "--format", "concise"], null);
        var again = CliRunner.Run(copy.Root, [.. Pinned, "--diff"], null);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("url = sys.env(\"PROM_URL\")", File.ReadAllText(Path.Combine(copy.Root, "app/config.alloy")), StringComparison.Ordinal);
        Assert.DoesNotContain("AL401", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("AL901", result.Out, StringComparison.Ordinal);
        Assert.Contains("[AL301]", result.Out, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal("No fixes to apply.\n", again.Error);
    }

    [Fact]
    public void Unsafe_fixes_apply_only_when_asked()
    {
        using var copy = CopyOfFixture();

        CliRunner.Run(copy.Root, [.. Pinned, "--fix", "--unsafe-fixes"], null);

        var fixedText = File.ReadAllText(Path.Combine(copy.Root, "app/config.alloy"));
        Assert.DoesNotContain("s3cr3t", fixedText, StringComparison.Ordinal);
        Assert.Contains("sys.env(\"PROMETHEUS_REMOTE_WRITE_DEFAULT_PASSWORD\")", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_on_standard_input_prints_the_fixed_text()
    {
        using var tree = new TempTree();
        var source = File.ReadAllText(Path.Combine(FixtureRoot, "app/config.alloy"));

        var result = CliRunner.Run(tree.Root, [.. Pinned, "--fix", "--format", "concise", "--stdin-filename", "app/config.alloy", "-"], source);

        Assert.Equal(source.Replace("env(\"PROM_URL\")", "sys.env(\"PROM_URL\")", StringComparison.Ordinal), result.Out);
        Assert.Contains("app/config.alloy:8:15: error: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(tree.Root));
    }

    private static TempTree CopyOfFixture()
    {
        var copy = new TempTree();
        foreach (var file in Directory.GetFiles(FixtureRoot, "*", SearchOption.AllDirectories))
        {
            copy.File(Path.GetRelativePath(FixtureRoot, file), File.ReadAllText(file));
        }

        return copy;
    }

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(file => file, File.ReadAllText);
}
