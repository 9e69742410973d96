using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.SelfMonitoring;

/// <summary>
/// Reports a <c>loki.write</c> that receives Alloy's own logs with no <c>service_name</c> or <c>job</c> label set on the
/// way; the fix adds <c>external_labels = {service_name = "alloy"}</c>.
/// </summary>
public sealed class AL212SelfLogsUnlabeled : Rule
{
    private static readonly IReadOnlySet<string> NamingLabels = new HashSet<string>(StringComparer.Ordinal) { "service_name", "job" };

    public override RuleMetadata Metadata { get; } = new(
        "AL212",
        "self-logs-unlabeled",
        RuleCategory.SelfMonitoring,
        Severity.Warning,
        "Alloy's own logs reach a loki.write with no service_name or job label, so they land as an unknown service.",
        FixAvailability.Sometimes)
    {
        Options = [RuleOption.String("service_name", "alloy", "The service_name label value the fix adds.")],
    };

    public override void Check(LintContext context)
    {
        var pipelines = SelfMonitoringPipelines.Of(context);
        if (pipelines.Logging is not { } logging)
        {
            return;
        }

        var field = $"service_name = {AlloyCode.String(context.Options.GetString("service_name"))}";
        foreach (var writer in pipelines.LogWriters(logging))
        {
            var externalLabels = writer.Attribute("external_labels");
            if (externalLabels is not null && externalLabels.Value is not ObjectExpression)
            {
                // Labels computed at run time: cannot tell.
                continue;
            }

            var labels = externalLabels?.Value as ObjectExpression;
            if (labels is not null && labels.Fields.Any(label => NamingLabels.Contains(label.Key))
                || pipelines.LogStagesBefore(logging, writer).Any(SetsNamingLabel))
            {
                continue;
            }

            var edit = labels is null
                ? SourceEdits.SetAttribute(writer.Tree, writer.Block, "external_labels", $"{{{field}}}")
                : SourceEdits.AppendField(writer.Tree, labels, field);
            context.Report(
                writer,
                $"{writer.DisplayName} receives Alloy's own logs without a service_name or job label, so they land as an unknown service; expected external_labels = {{{field}}}",
                edit is null ? null : Fix.Safe($"Add {field} to the external_labels of {writer.DisplayName}", edit));
        }
    }

    private static bool SetsNamingLabel(ComponentInstance stage) => stage.Name switch
    {
        "loki.relabel" => SelfMonitoringPipelines.RulesSetting(stage, NamingLabels, value: null).Any(),
        "loki.process" => stage.NestedBlocks("stage.static_labels").Concat(stage.NestedBlocks("stage.labels"))
            .Select(block => BodyLookup.FindAttribute(block.Body, "values")?.Value)
            .OfType<ObjectExpression>()
            .Any(values => values.Fields.Any(label => NamingLabels.Contains(label.Key))),
        _ => false,
    };
}
