using AlloyLint.Rules.Model;
using Xunit;
using static AlloyLint.Rules.Tests.Support.TestRules;

namespace AlloyLint.Rules.Tests.Model;

public sealed class PipelineGraphTests
{
    private static readonly Func<ModelBlock, bool> IsOtlpExporter = block => block.Name is "otelcol.exporter.otlp" or "otelcol.exporter.otlphttp";

    private const string Pipeline = """
        prometheus.exporter.self "alloy" { }

        discovery.relabel "alloy" {
        	targets = prometheus.exporter.self.alloy.targets
        }

        prometheus.scrape "alloy" {
        	targets    = discovery.relabel.alloy.output
        	forward_to = [otelcol.receiver.prometheus.alloy.receiver]
        }

        otelcol.receiver.prometheus "alloy" {
        	output {
        		metrics = [otelcol.processor.batch.default.input]
        	}
        }

        otelcol.processor.batch "default" {
        	output {
        		metrics = [otelcol.exporter.otlphttp.cloud.input]
        	}
        }

        otelcol.auth.basic "cloud" {
        	username = "u"
        	password = "p"
        }

        otelcol.exporter.otlphttp "cloud" {
        	client {
        		endpoint = "https://otlp.example.com"
        		auth     = otelcol.auth.basic.cloud.handler
        	}
        }

        prometheus.scrape "app" {
        	targets    = [{ __address__ = "app:8080" }]
        	forward_to = [prometheus.remote_write.default.receiver]
        }

        prometheus.remote_write "default" { }

        tracing {
        	write_to = [otelcol.processor.batch.default.input]
        }
        """;

    [Fact]
    public void Data_reaches_the_exporter_through_relabel_receiver_and_processor()
    {
        var model = BuildModel(Pipeline);
        var exporter = model.FindComponent("prometheus.exporter.self", "alloy")!;
        var path = model.Graph.FindPath(exporter, IsOtlpExporter);
        Assert.NotNull(path);
        Assert.Equal(
            ["prometheus.exporter.self.alloy", "discovery.relabel.alloy", "prometheus.scrape.alloy", "otelcol.receiver.prometheus.alloy",
             "otelcol.processor.batch.default", "otelcol.exporter.otlphttp.cloud"],
            path.Select(block => block.Id));
    }

    [Fact]
    public void Configuration_blocks_take_part()
    {
        var model = BuildModel(Pipeline);
        var tracing = Assert.Single(model.ConfigBlocksNamed("tracing"));
        Assert.True(model.Graph.Reaches(tracing, IsOtlpExporter));
    }

    [Fact]
    public void Unconnected_pipelines_do_not_reach()
    {
        var model = BuildModel(Pipeline);
        var app = model.FindComponent("prometheus.scrape", "app")!;
        Assert.False(model.Graph.Reaches(app, IsOtlpExporter));
        Assert.Equal(["prometheus.remote_write.default"], model.Graph.Downstream(app).Select(block => block.Id));
    }

    [Fact]
    public void Dependencies_are_edges_but_not_data_flow()
    {
        var model = BuildModel(Pipeline);
        var auth = model.FindComponent("otelcol.auth.basic", "cloud")!;
        var exporter = model.FindComponent("otelcol.exporter.otlphttp", "cloud")!;
        var edge = Assert.Single(model.Graph.Incoming(auth));
        Assert.Equal((EdgeKind.Dependency, exporter), (edge.Kind, edge.From));
        Assert.Empty(model.Graph.Downstream(exporter));
    }

    [Fact]
    public void Passing_through_can_be_restricted()
    {
        var model = BuildModel(Pipeline);
        var scrape = model.FindComponent("prometheus.scrape", "alloy")!;
        Assert.True(model.Graph.Reaches(scrape, IsOtlpExporter, through => through.Name.StartsWith("otelcol.", StringComparison.Ordinal)));
        Assert.False(model.Graph.Reaches(scrape, IsOtlpExporter, through => through.Name == "otelcol.receiver.prometheus"));
    }

    [Fact]
    public void Upstream_lists_what_feeds_a_block()
    {
        var model = BuildModel(Pipeline);
        var batch = model.FindComponent("otelcol.processor.batch", "default")!;
        Assert.Equal(
            ["otelcol.receiver.prometheus.alloy", "tracing", "prometheus.scrape.alloy", "discovery.relabel.alloy", "prometheus.exporter.self.alloy"],
            model.Graph.Upstream(batch).Select(block => block.Id));
    }

    [Fact]
    public void Edges_can_be_restricted_to_one_signal()
    {
        var model = BuildModel(Pipeline);
        var tracing = model.ConfigBlocks.Single(block => block.Name == "tracing");
        var scrape = model.FindComponent("prometheus.scrape", "alloy")!;
        static bool Traces(PipelineEdge edge) => edge.Reference.OwnerAttribute is "write_to" or "output.traces";
        static bool Metrics(PipelineEdge edge) => edge.Reference.OwnerAttribute is "forward_to" or "output.metrics";

        Assert.False(model.Graph.Reaches(tracing, IsOtlpExporter, follow: Traces));
        Assert.True(model.Graph.Reaches(tracing, IsOtlpExporter));
        Assert.True(model.Graph.Reaches(scrape, IsOtlpExporter, follow: Metrics));
        Assert.Equal(["otelcol.processor.batch.default"], model.Graph.Downstream(tracing, Traces).Select(block => block.Id));
    }

    [Fact]
    public void Walks_stop_at_blocks_they_may_not_pass_through()
    {
        var model = BuildModel(Pipeline);
        var exporter = model.FindComponent("prometheus.exporter.self", "alloy")!;
        var scrape = model.FindComponent("prometheus.scrape", "alloy")!;
        static bool Targets(PipelineEdge edge) => edge.Reference.OwnerAttribute == "targets";

        Assert.Equal(
            ["discovery.relabel.alloy", "prometheus.scrape.alloy"],
            model.Graph.Downstream(exporter, Targets, block => block.Name == "discovery.relabel").Select(block => block.Id));
        Assert.Equal(["discovery.relabel.alloy"], model.Graph.Upstream(scrape, Targets, block => false).Select(block => block.Id));
    }

    [Fact]
    public void A_block_lists_its_edges_in_reference_order()
    {
        var model = BuildModel("""
            prometheus.scrape "a" {
            	targets    = discovery.relabel.x.output
            	forward_to = [prometheus.remote_write.one.receiver, prometheus.remote_write.two.receiver]
            }

            prometheus.scrape "b" {
            	targets    = []
            	forward_to = [prometheus.remote_write.two.receiver]
            }

            discovery.relabel "x" {
            	targets = []
            }

            prometheus.remote_write "one" { }

            prometheus.remote_write "two" { }
            """);
        var a = model.FindComponent("prometheus.scrape", "a")!;
        var two = model.FindComponent("prometheus.remote_write", "two")!;

        Assert.Equal(["prometheus.remote_write.one", "prometheus.remote_write.two"], model.Graph.Outgoing(a).Select(edge => edge.To.Id));
        Assert.Equal(["discovery.relabel.x"], model.Graph.Incoming(a).Select(edge => edge.From.Id));
        Assert.Equal(["prometheus.scrape.a", "prometheus.scrape.b"], model.Graph.Incoming(two).Select(edge => edge.From.Id));
        Assert.Equal(0, model.Graph.Outgoing(two).Count);
    }
}
