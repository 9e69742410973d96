using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;
using Xunit;

namespace AlloyLint.Rules.Tests.Engine;

public sealed class LintSettingsTests
{
    private static readonly RuleMetadata Interval = new("AL203", "self-scrape-interval", RuleCategory.SelfMonitoring, Severity.Warning, "x")
    {
        Options = [RuleOption.Duration("interval", "60s", "The scrape interval.")],
    };

    private static readonly RuleMetadata Optional = new("AL310", "opt-in", RuleCategory.Style, Severity.Note, "x", EnabledByDefault: false);

    [Fact]
    public void Defaults_run_rules_enabled_by_default()
    {
        Assert.True(LintSettings.Default.IsEnabled(Interval));
        Assert.False(LintSettings.Default.IsEnabled(Optional));
    }

    [Theory]
    [InlineData(new[] { "AL2" }, new string[0], true)]
    [InlineData(new[] { "AL3" }, new string[0], false)]
    [InlineData(new[] { "AL2" }, new[] { "AL203" }, false)]
    [InlineData(new[] { "AL203" }, new[] { "AL2" }, true)]
    [InlineData(new[] { "ALL" }, new[] { "self-scrape-interval" }, false)]
    [InlineData(new[] { "self-scrape-interval" }, new string[0], true)]
    [InlineData(new string[0], new[] { "AL20" }, false)]
    [InlineData(new[] { "AL2" }, new[] { "AL2" }, false)]
    public void The_most_specific_selector_wins(string[] select, string[] ignore, bool enabled) =>
        Assert.Equal(enabled, new LintSettings { Select = select, Ignore = ignore }.IsEnabled(Interval));

    [Fact]
    public void Syntax_errors_are_reported_unless_ignored()
    {
        var syntax = new RuleMetadata("AL001", "syntax-error", RuleCategory.Syntax, Severity.Error, "x");
        Assert.True(new LintSettings { Select = ["AL2"] }.IsEnabled(syntax));
        Assert.False(new LintSettings { Select = ["AL2"], Ignore = ["AL001"] }.IsEnabled(syntax));
    }

    [Fact]
    public void Select_enables_rules_off_by_default() => Assert.True(new LintSettings { Select = ["AL3"] }.IsEnabled(Optional));

    [Fact]
    public void Severity_overrides_by_id_or_name()
    {
        Assert.Equal(Severity.Error, new LintSettings { SeverityOverrides = new Dictionary<string, Severity> { ["AL203"] = Severity.Error } }.SeverityOf(Interval));
        Assert.Equal(Severity.Note, new LintSettings { SeverityOverrides = new Dictionary<string, Severity> { ["self-scrape-interval"] = Severity.Note } }.SeverityOf(Interval));
        Assert.Equal(Severity.Warning, LintSettings.Default.SeverityOf(Interval));
    }

    [Fact]
    public void Options_fall_back_to_declared_defaults()
    {
        Assert.Equal(GoDuration.FromSeconds(60), LintSettings.Default.OptionsOf(Interval).GetDuration("interval"));
        var settings = Given("AL203", "interval", "30s");
        Assert.Equal(GoDuration.FromSeconds(30), settings.OptionsOf(Interval).GetDuration("interval"));
    }

    [Fact]
    public void Asking_for_an_undeclared_option_is_a_programming_error() =>
        Assert.Throws<InvalidOperationException>(() => LintSettings.Default.OptionsOf(Interval).GetString("interval"));

    [Fact]
    public void Validate_names_every_problem()
    {
        var rules = new Rule[] { new FixedRule(Interval) };
        var settings = new LintSettings
        {
            Select = ["AL9"],
            SeverityOverrides = new Dictionary<string, Severity> { ["nope"] = Severity.Error },
            RuleOptions = new Dictionary<string, IReadOnlyDictionary<string, RuleOptionValue>>
            {
                ["AL203"] = new Dictionary<string, RuleOptionValue> { ["interval"] = RuleOptionValue.Of("soon"), ["colour"] = RuleOptionValue.Of("red") },
            },
        };

        Assert.Equal(
            [
                "unknown rule selector 'AL9'",
                "severity given for unknown rule 'nope'",
                "AL203: option 'interval' expects a duration (Go syntax, e.g. \"60s\"), got 'soon'",
                "AL203 has no option 'colour'; expected one of interval",
            ],
            settings.Validate(rules));
        Assert.Empty(Given("self-scrape-interval", "interval", "2m").Validate(rules));
    }

    private static LintSettings Given(string rule, string option, string value) => new()
    {
        RuleOptions = new Dictionary<string, IReadOnlyDictionary<string, RuleOptionValue>>
        {
            [rule] = new Dictionary<string, RuleOptionValue> { [option] = RuleOptionValue.Of(value) },
        },
    };

    private sealed class FixedRule(RuleMetadata metadata) : Rule
    {
        public override RuleMetadata Metadata { get; } = metadata;

        public override void Check(LintContext context)
        {
        }
    }
}
