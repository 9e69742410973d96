using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.SelfMonitoring;

/// <summary>Reports a missing <c>logging</c> block, or one whose effective format differs from the agreed one; the fix sets it.</summary>
public sealed class AL205LoggingFormat : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL205",
        "logging-format",
        RuleCategory.SelfMonitoring,
        Severity.Warning,
        "The logging block is missing, or its format (absent means logfmt) differs from the agreed one.",
        FixAvailability.Always)
    {
        Options = [RuleOption.String("format", "json", "The expected format of Alloy's own logs: logfmt or json.")],
    };

    public override void Check(LintContext context)
    {
        var expected = context.Options.GetString("format");
        var expectedText = AlloyCode.String(expected);
        var pipelines = SelfMonitoringPipelines.Of(context);
        if (pipelines.Logging is not { } logging)
        {
            if (!pipelines.RunsPipelines)
            {
                return;
            }

            var block = $"logging {{\nformat = {expectedText}\n}}";
            var tree = context.AnchorTree;
            context.Report(
                tree,
                SelfMonitoringPipelines.AnchorSpan(tree),
                $"no logging block: Alloy writes its own logs as logfmt to stderr only; expected logging {{ format = {expectedText} }}",
                Fix.Safe($"Add logging {{ format = {expectedText} }}", SourceEdits.AppendToFile(tree, block)));
            return;
        }

        SettingCheck.Check(context, logging, "format", expected, "Alloy logs as");
    }
}
