using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;

namespace AlloyLint.Rules.SelfMonitoring;

/// <summary>Reports a <c>logging</c> block whose effective level differs from the agreed one; the fix sets it.</summary>
public sealed class AL206LoggingLevel : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL206",
        "logging-level",
        RuleCategory.SelfMonitoring,
        Severity.Warning,
        "The effective logging level (absent means info) differs from the agreed one.",
        FixAvailability.Sometimes)
    {
        Options = [RuleOption.String("level", "info", "The expected level of Alloy's own logs: error, warn, info or debug.")],
    };

    public override void Check(LintContext context)
    {
        var expected = context.Options.GetString("level");
        var pipelines = SelfMonitoringPipelines.Of(context);
        if (pipelines.Logging is { } logging)
        {
            SettingCheck.Check(context, logging, "level", expected, "Alloy logs at level");
            return;
        }

        // Without a logging block the level is "info"; AL205 adds the block, so no fix here competes with it.
        if (pipelines.RunsPipelines && expected != "info")
        {
            var tree = context.AnchorTree;
            context.Report(
                tree,
                SelfMonitoringPipelines.AnchorSpan(tree),
                $"no logging block, so Alloy logs at level \"info\"; expected logging {{ level = {AlloyCode.String(expected)} }}");
        }
    }
}
