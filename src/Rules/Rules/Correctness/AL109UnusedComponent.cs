using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Correctness;

/// <summary>
/// A component that only exists for its exports (it sends nothing anywhere itself), and nothing reads them:
/// an exporter nobody scrapes, a discovery nobody uses, a receiver nobody forwards to.
/// </summary>
public sealed class AL109UnusedComponent : Rule
{
    /// <summary>Signals that carry telemetry out of a component: an argument of one of these means the component does work of its own.</summary>
    private static readonly Signal[] OutboundSignals = [Signal.PrometheusMetrics, Signal.LokiLogs, Signal.Otel, Signal.Profiles];

    public override RuleMetadata Metadata { get; } = new(
        "AL109",
        "unused-component",
        RuleCategory.Correctness,
        Severity.Warning,
        "A component exists only for its exports and nothing references them.");

    public override void Check(LintContext context)
    {
        // Per schema: the exports a message lists, or null when its components send telemetry on and so do work of their own.
        var unusedExports = new Dictionary<ComponentSchema, string?>();
        foreach (var block in context.Model.AllBlocks)
        {
            if (block is not ComponentInstance component || IsReferencedByOthers(context.Model, component)
                || ModelSchemas.SchemaOf(component) is not { Kind: SchemaKind.Component } schema || schema.Exports.Count == 0)
            {
                continue;
            }

            if (!unusedExports.TryGetValue(schema, out var exports))
            {
                unusedExports[schema] = exports = SendsAnywhere(schema.Body) ? null : string.Join(", ", schema.Exports.Select(export => export.Name));
            }

            if (exports is null)
            {
                continue;
            }

            context.Report(component, $"{component.DisplayNameText} is never used: nothing references its exports ({exports}), and it does nothing else");
        }
    }

    private static bool IsReferencedByOthers(SemanticModel model, ComponentInstance component)
    {
        foreach (var reference in model.ReferencesTo(component))
        {
            if (!ReferenceEquals(reference.Owner, component))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when an argument at any depth sends telemetry on (the depth limit stops at recursive blocks such as stage.match).</summary>
    private static bool SendsAnywhere(BodySchema body, int depth = 0) =>
        depth < 5 && (body.Attributes.Any(attribute => OutboundSignals.Contains(attribute.Signal))
            || body.Blocks.Any(block => SendsAnywhere(block.Body, depth + 1)));
}
