using System.Text.RegularExpressions;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Tests.Support;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Rules.Tests.Engine;

/// <summary>Every rule is findable in one hop: class ALnnnName, page rules-docs/ALnnn.md, fixtures Fixtures/ALnnn/.</summary>
public sealed partial class RuleRegistryTests
{
    public static TheoryData<string> RuleIds() => [.. RuleRegistry.All.Select(rule => rule.Metadata.Id)];

    [Fact]
    public void Ids_and_names_are_unique_and_well_formed()
    {
        var ids = RuleRegistry.All.Select(rule => rule.Metadata.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        foreach (var rule in RuleRegistry.All)
        {
            Assert.Matches(IdPattern(), rule.Metadata.Id);
            Assert.Matches(NamePattern(), rule.Metadata.Name);
            Assert.StartsWith(rule.Metadata.Id, rule.GetType().Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Find_accepts_id_or_name_in_any_case()
    {
        Assert.Equal("AL001", RuleRegistry.Find("al001")?.Metadata.Id);
        Assert.Equal("AL901", RuleRegistry.Find("unused-suppression")?.Metadata.Id);
        Assert.Null(RuleRegistry.Find("AL000"));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Has_a_docs_page_listing_its_options(string id)
    {
        var rule = RuleRegistry.Find(id)!.Metadata;
        var page = Path.Combine(SharedData.RepoRoot, rule.DocsPath);
        Assert.True(File.Exists(page), $"missing {rule.DocsPath}");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {rule.Id}: {rule.Name}\n", text, StringComparison.Ordinal);
        foreach (var heading in new[] { "## What it does", "## Why it matters", "## Example", "## Use instead", "## Fix", "## Options" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        foreach (var option in rule.Options)
        {
            Assert.Contains($"`{option.Name}`", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Has_fixtures(string id) =>
        Assert.NotEmpty(RuleFixture.CaseNames(Path.Combine(RuleFixture.FixturesRoot, id)));

    [GeneratedRegex("^AL[0-9]{3}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}
