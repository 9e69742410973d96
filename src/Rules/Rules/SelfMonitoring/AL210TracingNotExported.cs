using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;

namespace AlloyLint.Rules.SelfMonitoring;

/// <summary>
/// Reports a missing <c>tracing</c> block, or one whose <c>write_to</c> reaches no OTLP exporter; with exactly one OTLP
/// exporter the fix writes Alloy's spans to it.
/// </summary>
public sealed class AL210TracingNotExported : Rule
{
    private const string Expectation = "write_to to reach otelcol.exporter.otlp or otelcol.exporter.otlphttp";

    public override RuleMetadata Metadata { get; } = new(
        "AL210",
        "tracing-not-exported",
        RuleCategory.SelfMonitoring,
        Severity.Warning,
        "There is no tracing block, or its write_to does not reach an OTLP exporter, so Alloy's own spans are dropped.",
        FixAvailability.Sometimes);

    public override void Check(LintContext context)
    {
        var pipelines = SelfMonitoringPipelines.Of(context);
        var input = pipelines.OtlpExporters.Count == 1 ? $"{pipelines.OtlpExporters[0].Id}.input" : null;
        if (pipelines.Tracing is not { } tracing)
        {
            if (!pipelines.RunsPipelines)
            {
                return;
            }

            var tree = context.AnchorTree;
            var block = input is null ? null : $"tracing {{\nwrite_to = [{input}]\n}}";
            context.Report(
                tree,
                SelfMonitoringPipelines.AnchorSpan(tree),
                "no tracing block: Alloy's own spans are dropped; expected " + (input is null ? $"a tracing block with {Expectation}" : $"tracing {{ write_to = [{input}] }}"),
                block is null ? null : Fix.Safe($"Add tracing {{ write_to = [{input}] }}", SourceEdits.AppendToFile(tree, block)));
            return;
        }

        if (pipelines.TracesReachOtlp(tracing))
        {
            return;
        }

        var writeTo = tracing.Attribute("write_to");
        var wire = input is null ? null : writeTo switch
        {
            null => SourceEdits.SetAttribute(tracing.Tree, tracing.Block, "write_to", $"[{input}]"),
            { Value: ArrayExpression list } => SourceEdits.AppendElement(tracing.Tree, list, input),
            _ => null,
        };
        var message = "tracing write_to does not reach an OTLP exporter: Alloy's own spans are dropped; expected "
            + (input is null ? Expectation : $"write_to = [{input}]");
        var fix = wire is null ? null : Fix.Safe($"Write Alloy's spans to {input}", wire);
        if (writeTo is null)
        {
            context.Report(tracing, message, fix);
        }
        else
        {
            context.Report(tracing.Tree, writeTo.Value, message, fix);
        }
    }
}
