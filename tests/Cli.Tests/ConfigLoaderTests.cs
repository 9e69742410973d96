using AlloyLint.Cli.Configuration;
using AlloyLint.Parser.Diagnostics;
using Xunit;

namespace AlloyLint.Cli.Tests;

public class ConfigLoaderTests
{
    private static readonly ConfigLoader Loader = new(TestRules.All);

    [Fact]
    public void Reads_every_key()
    {
        var config = Loader.Parse(
            """
            # team settings
            select: [AL0, AL4]
            ignore: hardcoded-secret
            mode: directory
            exclude:
              - "vendor/**"
              - generated/
            rules:
              AL001: warning
              deprecated-style:
                severity: off
            """,
            "/repo/.alloylint.yaml");

        Assert.Equal(["AL0", "AL4"], config.Select!);
        Assert.Equal(["AL401"], config.Ignore);
        Assert.Equal("directory", config.Mode);
        Assert.Equal("/repo", config.Directory);
        Assert.True(config.Excludes("/repo/vendor/a/b.alloy", isDirectory: false));
        Assert.True(config.Excludes("/repo/x/generated", isDirectory: true));
        Assert.False(config.Excludes("/repo/x/generated", isDirectory: false));
        Assert.False(config.Excludes("/repo/src/b.alloy", isDirectory: false));
        Assert.Equal(new RuleConfig("AL001", Severity.Warning, false, []), config.Rules[0]);
        Assert.Equal(("AL501", (Severity?)null, true), (config.Rules[1].RuleId, config.Rules[1].Severity, config.Rules[1].Off));
        Assert.Empty(config.Rules[1].Options);
    }

    [Fact]
    public void Per_file_ignores_give_the_rules_not_reported_in_each_file()
    {
        var config = Loader.Parse(
            """
            per-file-ignores:
              "modules/**": [AL4, deprecated-style]
              "*.test.alloy": AL001
              /top.alloy: ALL
            """,
            "/repo/.alloylint.yaml");

        Assert.Equal(["AL4", "AL501"], config.IgnoredIn("/repo/modules/a/b.alloy"));
        Assert.Equal(["AL001"], config.IgnoredIn("/repo/x/c.test.alloy"));
        Assert.Equal(["ALL"], config.IgnoredIn("/repo/top.alloy"));
        Assert.Empty(config.IgnoredIn("/repo/x/top.alloy"));
        Assert.Empty(config.IgnoredIn("/elsewhere/modules/a.alloy"));
    }

    [Fact]
    public void A_file_that_extends_another_is_merged_over_it()
    {
        using var tree = new TempTree()
            .File(".alloylint.yaml", "select: [AL0, AL4]\nignore: [AL501]\nmode: directory\nexclude: [\"vendor/**\", \"*.gen.alloy\"]\nper-file-ignores:\n  \"modules/**\": [AL401]\nrules:\n  AL001: warning\n  AL401: { severity: error }\n")
            .File("team/.alloylint.yaml", "extend: ../.alloylint.yaml\nignore: []\nexclude: [\"!keep.gen.alloy\"]\nper-file-ignores:\n  \"legacy/*\": [AL001]\nrules:\n  AL401: note\n");

        var config = Loader.Load(Path.Combine(tree.Root, "team/.alloylint.yaml"), "team/.alloylint.yaml");

        Assert.Equal(["AL0", "AL4"], config.Select!);
        Assert.Empty(config.Ignore!);
        Assert.Equal("directory", config.Mode);
        Assert.Equal([("AL001", (Severity?)Severity.Warning), ("AL401", Severity.Note)], config.Rules.Select(rule => (rule.RuleId, rule.Severity)));
        Assert.True(config.Excludes(Path.Combine(tree.Root, "vendor/x.alloy"), isDirectory: false));
        Assert.True(config.Excludes(Path.Combine(tree.Root, "team/other.gen.alloy"), isDirectory: false));
        Assert.False(config.Excludes(Path.Combine(tree.Root, "team/keep.gen.alloy"), isDirectory: false));
        Assert.Equal(["AL401"], config.IgnoredIn(Path.Combine(tree.Root, "modules/a.alloy")));
        Assert.Equal(["AL001"], config.IgnoredIn(Path.Combine(tree.Root, "team/legacy/b.alloy")));
        Assert.Empty(config.IgnoredIn(Path.Combine(tree.Root, "legacy/b.alloy")));
    }

    [Theory]
    [InlineData("extend: ../a.yaml\n", "a.yaml", "extend: team/.alloylint.yaml\n", "team/../a.yaml:1:9: 'team/.alloylint.yaml' cannot be extended here: it extends this file, directly or through other files")]
    [InlineData("extend: missing.yaml\n", null, null, "team/.alloylint.yaml:1:9: 'missing.yaml' does not exist")]
    [InlineData("extend: ../base.yaml\n", "base.yaml", "select: [AL77]\n", "team/../base.yaml:1:10: unknown rule or prefix 'AL77'")]
    public void Reports_a_cycle_a_missing_file_and_a_mistake_in_the_extended_file(string teamText, string? otherName, string? otherText, string expected)
    {
        using var tree = new TempTree().File("team/.alloylint.yaml", teamText);
        if (otherName is not null)
        {
            tree.File(otherName, otherText!);
        }

        var error = Assert.Throws<ConfigurationException>(() => Loader.Load(Path.Combine(tree.Root, "team/.alloylint.yaml"), "team/.alloylint.yaml"));

        Assert.Equal(expected, error.ToString());
    }

    [Fact]
    public void An_empty_file_is_an_empty_configuration()
    {
        var config = Loader.Parse("# nothing yet\n", "/repo/.alloylint.yaml");

        Assert.Null(config.Select);
        Assert.Empty(config.Rules);
    }

    [Theory]
    [InlineData("selct: [AL0]\n", 1, 1, "unknown key 'selct': expected one of extend, select, ignore, exclude, per-file-ignores, mode, rules")]
    [InlineData("select:\n  - AL0\n  - AL77\n", 3, 5, "unknown rule or prefix 'AL77'")]
    [InlineData("mode: everything\n", 1, 7, "invalid mode 'everything': expected one of auto, directory, file")]
    [InlineData("rules:\n  AL001: fatal\n", 2, 10, "invalid severity 'fatal': expected one of error, warning, note, off")]
    [InlineData("rules:\n  AL777: off\n", 2, 3, "unknown rule 'AL777'")]
    [InlineData("rules:\n  AL001:\n    colour: red\n", 3, 5, "unknown option 'colour' for AL001: expected severity")]
    [InlineData("select: [AL0\n", 2, 1, "While parsing a flow sequence, did not find expected ',' or ']'.")]
    [InlineData("- AL0\n", 1, 1, "the configuration must be a mapping of keys such as select, ignore, rules")]
    [InlineData("select: AL0\nselect: AL4\n", 2, 1, "duplicate key 'select'")]
    [InlineData("base: &b [AL0]\n", 1, 7, "YAML anchors and aliases are not supported in this file")]
    [InlineData("exclude: [\"a[b\"]\n", 1, 11, "invalid glob 'a[b'")]
    [InlineData("per-file-ignores: [AL4]\n", 1, 19, "'per-file-ignores' must be a mapping from a glob to the rules not reported in the files it matches")]
    [InlineData("per-file-ignores:\n  \"a[b\": AL4\n", 2, 3, "invalid glob 'a[b'")]
    [InlineData("per-file-ignores:\n  \"!vendor/**\": AL4\n", 2, 3, "invalid glob '!vendor/**': a glob here cannot be negated")]
    [InlineData("per-file-ignores:\n  \"*.alloy\": [AL77]\n", 2, 15, "unknown rule or prefix 'AL77'")]
    public void Reports_mistakes_at_their_line_and_column(string yaml, int line, int column, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() => Loader.Parse(yaml, "cfg/.alloylint.yaml"));

        Assert.Equal($"cfg/.alloylint.yaml:{line}:{column}: {message}", error.ToString());
    }

    [Fact]
    public void Finds_the_nearest_configuration_upward_and_caches_it()
    {
        using var tree = new TempTree()
            .File(".alloylint.yaml", "ignore: [AL4]\n")
            .File("team/.alloylint.yaml", "select: [AL0]\n")
            .File("team/deep/x.alloy")
            .File("other/y.alloy");
        var resolver = new ConfigResolver(Loader, null, tree.Root);

        var team = resolver.ForFile(Path.Combine(tree.Root, "team/deep/x.alloy"));
        var root = resolver.ForFile(Path.Combine(tree.Root, "other/y.alloy"));

        Assert.Equal("team/.alloylint.yaml", team.Path);
        Assert.Equal(Path.Combine(tree.Root, "team"), team.Directory);
        Assert.Equal(".alloylint.yaml", root.Path);
        Assert.Same(team, resolver.ForFile(Path.Combine(tree.Root, "team/z.alloy")));
    }

    [Fact]
    public void An_explicit_configuration_applies_everywhere()
    {
        using var tree = new TempTree()
            .File("ci.yaml", "ignore: [AL5]\n")
            .File("team/.alloylint.yaml", "select: [AL0]\n");
        var resolver = new ConfigResolver(Loader, "ci.yaml", tree.Root);

        Assert.Equal("ci.yaml", resolver.ForFile(Path.Combine(tree.Root, "team/x.alloy")).Path);
    }
}

public class ConfigOptionTests
{
    private static readonly ConfigLoader Loader = new([.. AlloyLint.Rules.Engine.RuleRegistry.All.Select(rule => rule.Metadata)]);

    [Theory]
    [InlineData("rules:\n  AL203:\n    interval: soon\n", 3, 15, "AL203: option 'interval' expects a duration (Go syntax, e.g. \"60s\"), got 'soon'")]
    [InlineData("rules:\n  AL203:\n    intervall: 30s\n", 3, 5, "unknown option 'intervall' for AL203: expected severity, interval")]
    [InlineData("rules:\n  AL203:\n    interval: [30s]\n", 3, 15, "AL203: option 'interval' expects a single duration (Go syntax, e.g. \"60s\"), not a list")]
    public void Rule_options_are_checked_against_what_the_rule_declares(string yaml, int line, int column, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() => Loader.Parse(yaml, ".alloylint.yaml"));

        Assert.Equal($".alloylint.yaml:{line}:{column}: {message}", error.ToString());
    }

    [Fact]
    public void Valid_rule_options_reach_the_lint_settings()
    {
        var config = Loader.Parse("rules:\n  self-scrape-interval:\n    severity: error\n    interval: 30s\n", "/repo/.alloylint.yaml");

        var settings = SettingsBuilder.Build(config, new Commands.LintOptions());

        Assert.Equal(AlloyLint.Parser.Diagnostics.Severity.Error, settings.SeverityOverrides["AL203"]);
        Assert.Equal("30s", settings.RuleOptions["AL203"]["interval"].Scalar);
    }
}
