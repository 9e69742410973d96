using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;

namespace AlloyLint.Rules.SelfMonitoring;

/// <summary>Reports a <c>prometheus.exporter.self</c> whose targets no <c>prometheus.scrape</c> reads; the fix adds the scrape.</summary>
public sealed class AL202SelfMetricsNotScraped : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL202",
        "self-metrics-not-scraped",
        RuleCategory.SelfMonitoring,
        Severity.Warning,
        "No prometheus.scrape takes the targets of prometheus.exporter.self, directly or through discovery.relabel.",
        FixAvailability.Always)
    {
        Options = [RuleOption.String("label", "alloy_self", "Label of the prometheus.scrape the fix adds.")],
    };

    public override void Check(LintContext context)
    {
        var pipelines = SelfMonitoringPipelines.Of(context);
        foreach (var exporter in pipelines.SelfExporters)
        {
            if (pipelines.SelfScrapes.Any(scrape => scrape.Exporter == exporter))
            {
                continue;
            }

            var label = pipelines.FreeLabel("prometheus.scrape", context.Options.GetString("label"));
            var scrape = $$"""
                prometheus.scrape {{AlloyCode.String(label)}} {
                targets = {{exporter.Id}}.targets
                forward_to = []
                }
                """;
            context.Report(
                exporter,
                $"{exporter.DisplayName} is not scraped: no prometheus.scrape takes {exporter.Id}.targets, directly or through discovery.relabel",
                Fix.Safe($"Add prometheus.scrape \"{label}\" for {exporter.DisplayName}", SourceEdits.InsertAfter(exporter.Tree, exporter.Block, scrape)));
        }
    }
}
