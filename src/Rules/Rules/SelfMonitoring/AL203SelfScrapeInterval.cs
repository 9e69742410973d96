using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.SelfMonitoring;

/// <summary>Reports a scrape of Alloy's own metrics whose effective interval differs from the agreed one; the fix sets it.</summary>
public sealed class AL203SelfScrapeInterval : Rule
{
    private static readonly GoDuration DefaultInterval = GoDuration.FromSeconds(60);

    public override RuleMetadata Metadata { get; } = new(
        "AL203",
        "self-scrape-interval",
        RuleCategory.SelfMonitoring,
        Severity.Warning,
        "The scrape of prometheus.exporter.self uses a scrape_interval other than the agreed one (absent means 60s).",
        FixAvailability.Always)
    {
        Options = [RuleOption.Duration("interval", "60s", "The expected scrape interval of Alloy's own metrics.")],
    };

    public override void Check(LintContext context)
    {
        var expected = context.Options.GetDuration("interval");
        var expectedText = AlloyCode.String(AlloyCode.Duration(expected));
        var pipelines = SelfMonitoringPipelines.Of(context);
        foreach (var scrape in pipelines.SelfScrapes.Select(self => self.Scrape).Distinct())
        {
            var attribute = scrape.Attribute("scrape_interval");
            if (attribute is null)
            {
                if (expected != DefaultInterval
                    && SourceEdits.SetAttribute(scrape.Tree, scrape.Block, "scrape_interval", expectedText) is { } insert)
                {
                    context.Report(
                        scrape,
                        $"{scrape.DisplayName} scrapes Alloy's own metrics every 60s (scrape_interval is not set); expected scrape_interval = {expectedText}",
                        Fix.Safe($"Set scrape_interval = {expectedText}", insert));
                }

                continue;
            }

            if (ConstantEvaluator.Evaluate(attribute.Value) is not AlloyString { } written
                || written.AsDuration() is not { } actual
                || actual == expected)
            {
                continue;
            }

            context.Report(
                scrape.Tree,
                attribute.Value,
                $"{scrape.DisplayName} scrapes Alloy's own metrics every {AlloyCode.String(written.Value)}; expected scrape_interval = {expectedText}",
                Fix.Safe($"Set scrape_interval = {expectedText}", TextEdit.Replace(attribute.Value.Span, expectedText)));
        }
    }
}
