using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;

namespace AlloyLint.Rules.SelfMonitoring;

/// <summary>
/// Reports a scrape of Alloy's own metrics that does not reach an OTLP exporter through <c>otelcol.receiver.prometheus</c>;
/// with exactly one OTLP exporter the fix adds the receiver and wires <c>forward_to</c>.
/// </summary>
public sealed class AL204SelfMetricsNotOtlp : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL204",
        "self-metrics-not-otlp",
        RuleCategory.SelfMonitoring,
        Severity.Warning,
        "The scrape of prometheus.exporter.self does not reach an OTLP exporter through otelcol.receiver.prometheus.",
        FixAvailability.Sometimes)
    {
        Options = [RuleOption.String("receiver_label", "alloy_self", "Label of the otelcol.receiver.prometheus the fix adds.")],
    };

    public override void Check(LintContext context)
    {
        var pipelines = SelfMonitoringPipelines.Of(context);
        foreach (var scrape in pipelines.SelfScrapes.Select(self => self.Scrape).Distinct())
        {
            if (pipelines.MetricsReachOtlp(scrape))
            {
                continue;
            }

            var forwardTo = scrape.Attribute("forward_to");
            var message = $"{scrape.DisplayName} does not send Alloy's own metrics to an OTLP exporter; expected forward_to to reach "
                + "otelcol.exporter.otlp or otelcol.exporter.otlphttp through otelcol.receiver.prometheus";
            var fix = pipelines.OtlpExporters.Count == 1 ? Wire(pipelines, scrape, forwardTo, context.Options.GetString("receiver_label")) : null;
            if (forwardTo is null)
            {
                context.Report(scrape, message, fix);
            }
            else
            {
                context.Report(scrape.Tree, forwardTo.Value, message, fix);
            }
        }
    }

    private static Fix? Wire(SelfMonitoringPipelines pipelines, Model.ComponentInstance scrape, AttributeStatement? forwardTo, string preferredLabel)
    {
        var exporter = pipelines.OtlpExporters[0];
        var label = pipelines.FreeLabel("otelcol.receiver.prometheus", preferredLabel);
        var receiver = $"otelcol.receiver.prometheus.{label}.receiver";
        var wire = forwardTo switch
        {
            null => SourceEdits.SetAttribute(scrape.Tree, scrape.Block, "forward_to", $"[{receiver}]"),
            { Value: ArrayExpression list } => SourceEdits.AppendElement(scrape.Tree, list, receiver),
            _ => null,
        };
        if (wire is null)
        {
            return null;
        }

        var block = $$"""
            otelcol.receiver.prometheus {{AlloyCode.String(label)}} {
            output {
            metrics = [{{exporter.Id}}.input]
            }
            }
            """;
        return new Fix(
            $"Send Alloy's metrics to {exporter.DisplayName} through otelcol.receiver.prometheus \"{label}\"",
            Applicability.Safe,
            [.. wire, SourceEdits.InsertAfter(scrape.Tree, scrape.Block, block)]);
    }
}
