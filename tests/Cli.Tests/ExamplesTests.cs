using System.Text.Json;
using AlloyLint.Cli.Reporting;
using AlloyLint.Rules.Engine;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Cli.Tests;

/// <summary>examples/ is what the README's first command lints: it must show a finding of every rule family.</summary>
public class ExamplesTests
{
    [Fact]
    public void The_examples_show_every_rule_family_that_has_a_rule_on_by_default()
    {
        var result = CliRunner.Run(SharedData.RepoRoot, "--format", "json", "examples/");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        var shown = diagnostics.Select(diagnostic => diagnostic.GetProperty("rule").GetProperty("category").GetString()).ToHashSet();
        var families = RuleRegistry.All.Where(rule => rule.Metadata.EnabledByDefault).Select(rule => RuleCategories.Name(rule.Metadata.Category)).Distinct();
        Assert.All(families, family => Assert.Contains(family, shown));
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.GetProperty("path").GetString()!.Contains("generated/", StringComparison.Ordinal));
    }
}
