using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Correctness;

/// <summary>
/// A reference wires the wrong kind of telemetry: a logs receiver in a metrics <c>forward_to</c>, a receiver
/// where targets are expected, or an OpenTelemetry exporter that does not handle the signal of an
/// <c>output</c> list.
/// </summary>
public sealed class AL107SignalMismatch : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL107",
        "signal-mismatch",
        RuleCategory.Correctness,
        Severity.Error,
        "A reference passes a different kind of telemetry than the argument expects.");

    public override void Check(LintContext context)
    {
        foreach (var body in context.Model.CheckedBodies)
        {
            // By the schemas first: most bodies take no telemetry, and then their owner's references are not read.
            if (!HasSignalArgument(body) || context.Model.ReferencesIn(body.Owner) is not { IsEmpty: false } references)
            {
                continue;
            }

            foreach (var statement in body.Statements)
            {
                if (statement is not { Attribute: { Signal: not Signal.None } expected, Syntax: AttributeStatement attribute })
                {
                    continue;
                }

                foreach (var reference in references)
                {
                    if (reference.Kind == ReferenceKind.Component && attribute.Value.Span.Start <= reference.Expression.Span.Start && reference.Expression.Span.End <= attribute.Value.Span.End
                        && Problem(expected, reference) is { } problem)
                    {
                        context.Report(reference, $"{problem} (in {attribute.Name.Name} of {body.Where})");
                    }
                }
            }
        }
    }

    private static bool HasSignalArgument(CheckedBody body)
    {
        foreach (var statement in body.Statements)
        {
            if (statement.Attribute is { Signal: not Signal.None })
            {
                return true;
            }
        }

        return false;
    }

    private static string? Problem(AttributeSchema expected, Reference reference)
    {
        if (reference.Export is not { } exportName || ModelSchemas.SchemaOf(reference.Component!) is not { } target
            || target.FindExport(exportName) is not { Signal: not Signal.None } export)
        {
            return null;
        }

        if (export.Signal != expected.Signal)
        {
            return $"{reference.Text} is {Describe(export.Signal)}, but {expected.Name} expects {Describe(expected.Signal)}";
        }

        var missing = expected.OtelSignal & ~target.OtelInputSignals;
        if (export.Signal == Signal.Otel && expected.OtelSignal != OtelSignals.None && TrustInputSignals(target) && missing != OtelSignals.None)
        {
            return $"{reference.Component!.DisplayName} does not accept {missing.ToString().ToLowerInvariant()} (it handles {target.OtelInputSignals.ToString().ToLowerInvariant()})";
        }

        return null;
    }

    /// <summary>
    /// Input signals taken from the Go source are reliable; from a docs sentence only when it names exactly one
    /// signal (the generic sentences of several pages name more than the component handles, or fewer).
    /// </summary>
    private static bool TrustInputSignals(ComponentSchema target) =>
        target.OtelInputSignals != OtelSignals.None
        && (target.OtelInputSignalsFromSource || System.Numerics.BitOperations.PopCount((uint)target.OtelInputSignals) == 1);

    private static string Describe(Signal signal) => signal switch
    {
        Signal.PrometheusMetrics => "a Prometheus metrics receiver",
        Signal.LokiLogs => "a Loki logs receiver",
        Signal.Otel => "an OpenTelemetry consumer",
        Signal.Profiles => "a profiles receiver",
        Signal.Targets => "a list of targets",
        Signal.OtelAuth => "an otelcol auth handler",
        Signal.OtelExtension => "an otelcol extension",
        Signal.RelabelRules => "relabel rules",
        _ => "a value",
    };
}
