using System.Text;
using AlloyLint.Cli.Reporting;
using AlloyLint.Rules.Engine;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Cli.Tests;

/// <summary>
/// The README's rule index (between <c>&lt;!-- rules:start --&gt;</c> and <c>&lt;!-- rules:end --&gt;</c>) is generated
/// from <see cref="RuleRegistry"/> and the <c>- Fix:</c> line of each rule page; ALLOYLINT_ACCEPT=1 rewrites it.
/// </summary>
public sealed class ReadmeRulesTests
{
    private const string StartMarker = "<!-- rules:start -->";
    private const string EndMarker = "<!-- rules:end -->";
    private const string FixField = "- Fix: ";

    [Fact]
    public void The_readme_indexes_every_rule()
    {
        var path = Path.Combine(SharedData.RepoRoot, "README.md");
        var readme = File.ReadAllText(path);
        var start = readme.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = readme.IndexOf(EndMarker, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md needs a section between {StartMarker} and {EndMarker}");

        var expected = readme[..(start + StartMarker.Length)] + "\n" + RulesTable() + readme[end..];
        if (expected != readme && Golden.Accepting)
        {
            File.WriteAllText(path, expected);
            return;
        }

        Assert.Equal(expected, readme);
    }

    private static string RulesTable()
    {
        var table = new StringBuilder();
        table.Append("| rule | name | category | default severity | fix |\n");
        table.Append("| --- | --- | --- | --- | --- |\n");
        foreach (var rule in RuleRegistry.All.Select(rule => rule.Metadata).OrderBy(rule => rule.Id, StringComparer.Ordinal))
        {
            var severity = SeverityNames.Name(rule.DefaultSeverity) + (rule.EnabledByDefault ? string.Empty : " (off by default)");
            string[] cells = [$"[{rule.Id}]({rule.DocsPath})", rule.Name, RuleCategories.Name(rule.Category), severity, DocumentedFix(rule)];
            table.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
        }

        return table.ToString();
    }

    /// <summary>The rule page's <c>- Fix:</c> field, checked against the rule's <see cref="RuleMetadata.Fix"/>.</summary>
    private static string DocumentedFix(RuleMetadata rule)
    {
        var page = File.ReadAllLines(Path.Combine(SharedData.RepoRoot, rule.DocsPath));
        var field = page.FirstOrDefault(line => line.StartsWith(FixField, StringComparison.Ordinal));
        Assert.True(field is not null, $"{rule.DocsPath} has no '{FixField}' line");
        var fix = field[FixField.Length..].Trim();
        Assert.True(
            fix == "none" == (rule.Fix == FixAvailability.None),
            $"{rule.DocsPath} says the fix is '{fix}' but {rule.Id} declares FixAvailability.{rule.Fix}");
        return fix;
    }
}
