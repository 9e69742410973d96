using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.SelfMonitoring;

/// <summary>Reports a configuration without <c>prometheus.exporter.self</c>; the fix adds one.</summary>
public sealed class AL201SelfExporterMissing : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL201",
        "self-exporter-missing",
        RuleCategory.SelfMonitoring,
        Severity.Warning,
        "The configuration has no prometheus.exporter.self, so Alloy's own metrics are not collected.",
        FixAvailability.Always)
    {
        Options = [RuleOption.String("label", "alloy", "Label of the prometheus.exporter.self the fix adds.")],
    };

    public override void Check(LintContext context)
    {
        var pipelines = SelfMonitoringPipelines.Of(context);
        if (!pipelines.RunsPipelines || HasSelfExporter(context.Model))
        {
            return;
        }

        var exporter = $"{SelfMonitoringPipelines.SelfExporter} {AlloyCode.String(context.Options.GetString("label"))} {{ }}";
        var tree = context.AnchorTree;
        context.Report(
            tree,
            SelfMonitoringPipelines.AnchorSpan(tree),
            $"no {SelfMonitoringPipelines.SelfExporter} component: Alloy's own metrics are not exposed to any scrape; expected {exporter}",
            Fix.Safe($"Add {exporter}", SourceEdits.AppendToFile(tree, exporter)));
    }

    private static bool HasSelfExporter(SemanticModel model)
    {
        foreach (var block in model.AllBlocks)
        {
            if (block.Name == SelfMonitoringPipelines.SelfExporter)
            {
                return true;
            }
        }

        return false;
    }
}
