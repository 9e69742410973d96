using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.SelfMonitoring;

/// <summary>Reports a <c>tracing</c> block whose effective sampling fraction differs from the agreed one; the fix sets it.</summary>
public sealed class AL209TracingSamplingFraction : Rule
{
    private const double DefaultFraction = 0.1;

    public override RuleMetadata Metadata { get; } = new(
        "AL209",
        "tracing-sampling-fraction",
        RuleCategory.SelfMonitoring,
        Severity.Warning,
        "The effective tracing sampling_fraction (absent means 0.1) differs from the agreed one.",
        FixAvailability.Always)
    {
        Options = [RuleOption.Number("sampling_fraction", DefaultFraction, "The expected fraction of Alloy's own spans to keep.")],
    };

    public override void Check(LintContext context)
    {
        var pipelines = SelfMonitoringPipelines.Of(context);
        if (pipelines.Tracing is not { } tracing)
        {
            return;
        }

        var expected = context.Options.GetNumber("sampling_fraction");
        var expectedText = AlloyCode.Number(expected);
        var title = $"Set sampling_fraction = {expectedText}";
        var attribute = tracing.Attribute("sampling_fraction");
        if (attribute is null)
        {
            if (!SameFraction(DefaultFraction, expected)
                && SourceEdits.SetAttribute(tracing.Tree, tracing.Block, "sampling_fraction", expectedText) is { } insert)
            {
                context.Report(
                    tracing,
                    $"tracing sampling_fraction is not set, so Alloy keeps 0.1 of its own spans; expected sampling_fraction = {expectedText}",
                    Fix.Safe(title, insert));
            }

            return;
        }

        if (ConstantEvaluator.Evaluate(attribute.Value) is not AlloyNumber { } written || SameFraction(written.Value, expected))
        {
            return;
        }

        context.Report(
            tracing.Tree,
            attribute.Value,
            $"tracing sampling_fraction is {tracing.Tree.Source[attribute.Value.Span]}; expected {expectedText}",
            Fix.Safe(title, TextEdit.Replace(attribute.Value.Span, expectedText)));
    }

    private static bool SameFraction(double a, double b) => Math.Abs(a - b) < 1e-9;
}
