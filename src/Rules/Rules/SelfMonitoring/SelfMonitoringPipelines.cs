using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.SelfMonitoring;

/// <summary>A scrape of Alloy's own metrics: the exporter it reads and the <c>discovery.relabel</c> components in between.</summary>
internal sealed record SelfScrape(ComponentInstance Scrape, ComponentInstance Exporter, IReadOnlyList<ComponentInstance> Relabels);

/// <summary>
/// What the self-monitoring rules ask of a configuration's model: its <c>logging</c> and <c>tracing</c> blocks, the
/// <c>prometheus.exporter.self</c> components and their scrapes, and where each signal's data flows.
/// </summary>
internal sealed class SelfMonitoringPipelines
{
    public const string SelfExporter = "prometheus.exporter.self";

    private readonly PipelineGraph _graph;

    private SelfMonitoringPipelines(SemanticModel model)
    {
        _graph = model.Graph;
        Components = model.Components;
        RunsPipelines = Components.Count > 0
            || model.ConfigBlocks.Any(block => block.Name is not ("declare" or "argument" or "export") && !block.Name.StartsWith("import.", StringComparison.Ordinal));
        Logging = model.Root.ConfigBlocksNamed("logging").FirstOrDefault();
        Tracing = model.Root.ConfigBlocksNamed("tracing").FirstOrDefault();
        SelfExporters = [.. Named(SelfExporter)];
        OtlpExporters = [.. Matching(IsOtlpExporter)];
        SelfScrapes = [.. SelfExporters.SelectMany(FindScrapes)];
    }

    /// <summary>The configuration's pipelines, shared by every self-monitoring rule.</summary>
    public static SelfMonitoringPipelines Of(LintContext context) =>
        context.Configuration.Shared(static configuration => new SelfMonitoringPipelines(configuration.Model));

    public ReadOnlyListView<ComponentInstance> Components { get; }

    /// <summary>
    /// False for an empty configuration or a module holding only <c>declare</c>, <c>argument</c>, <c>export</c> and
    /// <c>import.*</c> blocks: nothing runs there that could monitor itself.
    /// </summary>
    public bool RunsPipelines { get; }

    public ConfigBlock? Logging { get; }

    public ConfigBlock? Tracing { get; }

    public IReadOnlyList<ComponentInstance> SelfExporters { get; }

    public IReadOnlyList<SelfScrape> SelfScrapes { get; }

    public IReadOnlyList<ComponentInstance> OtlpExporters { get; }

    /// <summary>Where a finding about the configuration as a whole goes: the header of the file's first statement.</summary>
    public static TextSpan AnchorSpan(SyntaxTree tree) => tree.Root.Statements.FirstOrDefault() switch
    {
        BlockStatement block => TextSpan.FromBounds(block.NameSpan.Start, block.Label?.Span.End ?? block.NameSpan.End),
        AttributeStatement attribute => attribute.Name.Span,
        _ => new TextSpan(0, 0),
    };

    public IEnumerable<ComponentInstance> Named(string name) => Matching(component => component.Name == name);

    /// <summary>The top-level components <paramref name="accepts"/> accepts, in order (walking the model's list itself, which LINQ would walk through an interface).</summary>
    private IEnumerable<ComponentInstance> Matching(Func<ComponentInstance, bool> accepts)
    {
        foreach (var component in Components)
        {
            if (accepts(component))
            {
                yield return component;
            }
        }
    }

    public static bool IsOtlpExporter(ModelBlock block) => block.Name is "otelcol.exporter.otlp" or "otelcol.exporter.otlphttp";

    public static bool IsOtelProcessor(ModelBlock block) => block.Name.StartsWith("otelcol.processor.", StringComparison.Ordinal);

    /// <summary>A label not yet used by a component named <paramref name="name"/>: <paramref name="preferred"/>, else with a numeric suffix.</summary>
    public string FreeLabel(string name, string preferred)
    {
        var taken = Named(name).Select(component => component.Label).ToHashSet(StringComparer.Ordinal);
        var label = preferred;
        for (var suffix = 2; taken.Contains(label); suffix++)
        {
            label = $"{preferred}_{suffix}";
        }

        return label;
    }

    /// <summary>Whether Alloy's metrics from <paramref name="scrape"/> reach an OTLP exporter through <c>otelcol.receiver.prometheus</c>.</summary>
    public bool MetricsReachOtlp(ComponentInstance scrape) =>
        _graph.FindPath(
            scrape,
            IsOtlpExporter,
            block => block.Name is "prometheus.relabel" or "otelcol.receiver.prometheus" || IsOtelProcessor(block),
            edge => edge.Reference.OwnerAttribute is "forward_to" or "output.metrics") is { } path
        && path.Any(block => block.Name == "otelcol.receiver.prometheus");

    /// <summary>Whether spans written to <paramref name="from"/>'s <c>write_to</c> reach an OTLP exporter, through processors.</summary>
    public bool TracesReachOtlp(ModelBlock from) =>
        _graph.Reaches(from, IsOtlpExporter, IsOtelProcessor, edge => edge.Reference.OwnerAttribute is "write_to" or "output.traces");

    /// <summary>The <c>loki.write</c> components Alloy's logs reach from <c>logging.write_to</c>, through <c>loki.relabel</c> and <c>loki.process</c>.</summary>
    public IReadOnlyList<ComponentInstance> LogWriters(ConfigBlock logging) =>
        [.. _graph.Downstream(logging, IsLogEdge, IsLogPassThrough).OfType<ComponentInstance>().Where(block => block.Name == "loki.write")];

    /// <summary>The <c>loki.relabel</c> and <c>loki.process</c> components on the way from <paramref name="logging"/> to <paramref name="writer"/>.</summary>
    public IReadOnlyList<ComponentInstance> LogStagesBefore(ConfigBlock logging, ComponentInstance writer)
    {
        var after = _graph.Downstream(logging, IsLogEdge, IsLogPassThrough).ToHashSet();
        var before = _graph.Upstream(writer, IsLogEdge, IsLogPassThrough).ToHashSet();
        return [.. after.Intersect(before).OfType<ComponentInstance>().Where(IsLogPassThrough)];
    }

    /// <summary>The <c>prometheus.relabel</c> components Alloy's metrics pass through after <paramref name="scrape"/>.</summary>
    public IReadOnlyList<ComponentInstance> MetricRelabelsAfter(ComponentInstance scrape) =>
        [.. _graph.Downstream(scrape, edge => edge.Reference.OwnerAttribute == "forward_to", block => block.Name == "prometheus.relabel")
            .OfType<ComponentInstance>()
            .Where(block => block.Name == "prometheus.relabel")];

    /// <summary>
    /// The blocks the self-monitoring pipelines consist of: <c>logging</c>, <c>tracing</c>, the self exporters and
    /// their scrapes, everything their data reaches, and every block those use (such as an <c>otelcol.auth.basic</c> handler).
    /// </summary>
    public IReadOnlyList<ModelBlock> PipelineBlocks()
    {
        var roots = new List<ModelBlock>();
        roots.AddRange(new ModelBlock?[] { Logging, Tracing }.OfType<ModelBlock>());
        roots.AddRange(SelfExporters);
        roots.AddRange(SelfScrapes.SelectMany(scrape => scrape.Relabels.Append(scrape.Scrape)));
        var seen = new HashSet<ModelBlock>(roots);
        var queue = new Queue<ModelBlock>(roots);
        while (queue.Count > 0)
        {
            foreach (var edge in _graph.Outgoing(queue.Dequeue()))
            {
                if (seen.Add(edge.To))
                {
                    queue.Enqueue(edge.To);
                }
            }
        }

        return [.. seen];
    }

    /// <summary>The rule blocks of a relabel component that set <paramref name="label"/> to <paramref name="value"/> (any value when null).</summary>
    public static IEnumerable<BlockStatement> RulesSetting(ModelBlock relabel, IReadOnlySet<string> labels, string? value)
    {
        foreach (var rule in relabel.NestedBlocks("rule"))
        {
            var action = Constant(rule, "action") ?? "replace";
            if (!string.Equals(action, "replace", StringComparison.OrdinalIgnoreCase)
                || Constant(rule, "target_label") is not { } target
                || !labels.Contains(target))
            {
                continue;
            }

            if (value is null || Constant(rule, "replacement") == value)
            {
                yield return rule;
            }
        }
    }

    private static string? Constant(BlockStatement block, string attribute) =>
        BodyLookup.FindAttribute(block.Body, attribute) is { } found ? ConstantEvaluator.EvaluateString(found.Value) : null;

    private static bool IsLogEdge(PipelineEdge edge) => edge.Reference.OwnerAttribute is "write_to" or "forward_to";

    private static bool IsLogPassThrough(ModelBlock block) => block.Name is "loki.relabel" or "loki.process";

    private IEnumerable<SelfScrape> FindScrapes(ComponentInstance exporter)
    {
        static bool IsTargetsEdge(PipelineEdge edge) => edge.Reference.OwnerAttribute == "targets";
        static bool IsRelabel(ModelBlock block) => block.Name == "discovery.relabel";

        var downstream = _graph.Downstream(exporter, IsTargetsEdge, IsRelabel).ToList();
        foreach (var scrape in downstream.OfType<ComponentInstance>().Where(block => block.Name == "prometheus.scrape"))
        {
            var upstream = _graph.Upstream(scrape, IsTargetsEdge, IsRelabel).ToHashSet();
            var relabels = downstream.OfType<ComponentInstance>().Where(block => IsRelabel(block) && upstream.Contains(block)).ToList();
            yield return new SelfScrape(scrape, exporter, relabels);
        }
    }
}
