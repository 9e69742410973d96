using AlloyLint.Rules.Catalog;
using Xunit;

namespace AlloyLint.Rules.Tests.Catalog;

public sealed class ComponentCatalogTests
{
    private static readonly ComponentCatalog Catalog = ComponentCatalog.Default;

    [Fact]
    public void Holds_every_component_and_config_block_of_the_source_catalog()
    {
        Assert.Equal(184, Catalog.ComponentNames.Count);
        Assert.Equal(
            ["argument", "declare", "export", "foreach", "http", "import.file", "import.git", "import.http", "import.string", "labelstore", "livedebugging", "logging", "remotecfg", "tracing"],
            Catalog.ConfigBlockNames);
    }

    [Fact]
    public void A_name_is_a_config_block_exactly_when_its_schema_says_so()
    {
        // The model tells configuration blocks from components by the schema it finds for a block's name.
        Assert.All(Catalog.ComponentNames, name => Assert.False(Catalog.Find(name)!.IsConfigBlock, name));
        Assert.All(Catalog.ConfigBlockNames, name => Assert.True(Catalog.Find(name)!.IsConfigBlock, name));
    }

    [Fact]
    public void Prometheus_scrape_requires_targets_and_forward_to()
    {
        var scrape = Catalog.FindComponent("prometheus.scrape")!;
        Assert.Equal(Stability.GenerallyAvailable, scrape.Stability);
        Assert.True(scrape.Labeled);
        var required = scrape.Body.Attributes.Where(attribute => attribute.Required).Select(attribute => attribute.Name);
        Assert.Equal(["targets", "forward_to"], required);

        var forwardTo = scrape.Body.FindAttribute("forward_to")!;
        Assert.Equal(AlloyTypeKind.List, forwardTo.Type.Kind);
        Assert.Equal("storage.Appendable", forwardTo.Type.Element!.CapsuleName);
        Assert.Equal(Signal.PrometheusMetrics, forwardTo.Signal);
        Assert.Equal(Signal.Targets, scrape.Body.FindAttribute("targets")!.Signal);

        Assert.Equal("\"1m\"", scrape.Body.FindAttribute("scrape_interval")!.DefaultJson);
        Assert.Equal(AlloyTypeKind.Duration, scrape.Body.FindAttribute("scrape_interval")!.Type.Kind);
        Assert.Equal("bytes", scrape.Body.FindAttribute("body_size_limit")!.Format);
        Assert.True(scrape.Body.FindBlock("clustering")!.Body.FindAttribute("enabled")!.Required);
        Assert.Empty(scrape.Exports);
    }

    [Fact]
    public void Loki_write_has_a_repeated_endpoint_block_with_a_required_url()
    {
        var write = Catalog.FindComponent("loki.write")!;
        var endpoint = write.Body.FindBlock("endpoint")!;
        Assert.True(endpoint.Repeated);
        Assert.False(endpoint.Required);
        Assert.True(endpoint.Body.FindAttribute("url")!.Required);
        Assert.Equal("\"10MiB\"", endpoint.Body.FindBlock("queue_config")!.Body.FindAttribute("capacity")!.DefaultJson);
        Assert.Equal(Signal.LokiLogs, write.FindExport("receiver")!.Signal);
    }

    [Fact]
    public void Otlphttp_exporter_exports_an_otel_input_for_every_signal()
    {
        var exporter = Catalog.FindComponent("otelcol.exporter.otlphttp")!;
        var input = exporter.FindExport("input")!;
        Assert.Equal(Signal.Otel, input.Signal);
        Assert.Equal("capsule(otelcol.Consumer)", input.Type.Text);
        Assert.Equal(OtelSignals.Metrics | OtelSignals.Logs | OtelSignals.Traces, exporter.OtelInputSignals);
        Assert.True(exporter.OtelInputSignalsFromSource);
        var client = exporter.Body.FindBlock("client")!;
        Assert.True(client.Required);
        Assert.True(client.Body.FindAttribute("endpoint")!.Required);
        Assert.Equal("\"gzip\"", client.Body.FindAttribute("compression")!.DefaultJson);
    }

    [Fact]
    public void Otelcol_output_lists_carry_their_signal()
    {
        var receiver = Catalog.FindComponent("otelcol.receiver.otlp")!;
        var output = receiver.Body.FindBlock("output")!;
        Assert.Equal(OtelSignals.Traces, output.Body.FindAttribute("traces")!.OtelSignal);
        Assert.Equal(Signal.Otel, output.Body.FindAttribute("metrics")!.Signal);
    }

    [Fact]
    public void Secret_and_deprecated_arguments_are_queryable()
    {
        var basic = Catalog.FindComponent("otelcol.auth.basic")!;
        Assert.True(basic.Body.FindAttribute("password")!.Deprecated);
        Assert.True(basic.Body.FindAttribute("password")!.IsSecret);
        Assert.True(basic.Body.FindBlock("client_auth")!.Body.FindAttribute("password")!.IsSecret);
        Assert.False(basic.Body.FindBlock("client_auth")!.Body.FindAttribute("username")!.IsSecret);
        Assert.Equal(Signal.OtelAuth, basic.FindExport("handler")!.Signal);

        var remoteWrite = Catalog.FindComponent("prometheus.remote_write")!;
        Assert.True(remoteWrite.Body.FindBlock("endpoint")!.Body.FindAttribute("bearer_token")!.IsSecret);
    }

    [Fact]
    public void Config_blocks_know_their_placement_and_repetition()
    {
        var logging = Catalog.FindConfigBlock("logging")!;
        Assert.False(logging.Repeatable);
        Assert.False(logging.Labeled);
        Assert.Equal(BlockPlacement.Root, logging.Placement);
        Assert.Equal(["debug", "info", "warn", "error"], logging.Body.FindAttribute("level")!.AllowedValues);

        Assert.Equal(BlockPlacement.Module, Catalog.FindConfigBlock("argument")!.Placement);
        Assert.Equal("value", Catalog.FindConfigBlock("argument")!.Exports.Single().Name);
        Assert.True(Catalog.FindConfigBlock("export")!.Body.FindAttribute("value")!.Required);

        var foreachBlock = Catalog.FindConfigBlock("foreach")!;
        Assert.Equal(Stability.Experimental, foreachBlock.Stability);
        Assert.True(foreachBlock.Body.FindBlock("template")!.FreeForm);
        Assert.Null(Catalog.FindComponent("logging"));
        Assert.Null(Catalog.FindConfigBlock("prometheus.scrape"));
    }

    [Fact]
    public void Recursive_blocks_reuse_their_ancestor_body()
    {
        var match = Catalog.FindComponent("loki.process")!.Body.FindBlock("stage.match")!;
        Assert.Equal("stage", match.EnumGroup);
        Assert.Same(match.Body, match.Body.FindBlock("stage.match")!.Body);
        Assert.NotNull(match.Body.FindBlock("stage.json"));
    }

    [Fact]
    public void Stability_and_community_flags_come_through()
    {
        Assert.Equal(Stability.Undefined, Catalog.FindComponent("otelcol.exporter.datadog")!.Stability);
        Assert.True(Catalog.FindComponent("otelcol.exporter.datadog")!.Community);
        Assert.Contains(Catalog.ComponentNames, name => Catalog.FindComponent(name)!.Stability == Stability.PublicPreview);
        Assert.Equal("linux", Catalog.FindComponent("discovery.process")!.BuildConstraint);
    }

    [Fact]
    public void Every_entry_parses()
    {
        foreach (var name in Catalog.ComponentNames.Concat(Catalog.ConfigBlockNames))
        {
            var schema = Catalog.Find(name);
            Assert.NotNull(schema);
            Assert.Equal(name, schema.Name);
        }
    }

    [Theory]
    [InlineData("list(map(string))", AlloyTypeKind.List, "list(map(string))")]
    [InlineData("map(list(secret))", AlloyTypeKind.Map, "map(list(secret))")]
    [InlineData("capsule(otelcol.Consumer)", AlloyTypeKind.Capsule, "capsule(otelcol.Consumer)")]
    [InlineData("optional_secret", AlloyTypeKind.OptionalSecret, "optional_secret")]
    public void Types_parse_and_print_back(string text, AlloyTypeKind kind, string printed)
    {
        var type = AlloyType.Parse(text);
        Assert.Equal(kind, type.Kind);
        Assert.Equal(printed, type.Text);
    }

    [Theory]
    [InlineData("list(")]
    [InlineData("tuple(string)")]
    [InlineData("string)")]
    public void Bad_types_are_rejected(string text) => Assert.Throws<FormatException>(() => AlloyType.Parse(text));
}
