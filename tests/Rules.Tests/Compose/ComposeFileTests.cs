using AlloyLint.Rules.Compose;
using Xunit;

namespace AlloyLint.Rules.Tests.Compose;

public class ComposeFileTests
{
    [Fact]
    public void ReadsListAndMapEnvironmentAndEnvFiles()
    {
        const string yaml = """
            # docker-compose.base.yml
            name: shop
            x-logging: &default-logging
              driver: json-file
            services:
              alloy:
                image: "docker.io/grafana/alloy:v1.18.1"   # pinned
                command: ["run", "--server.http.listen-addr=0.0.0.0:12345", "/etc/alloy/config.alloy"]
                environment:
                  - GRAFANA_CLOUD_API_KEY=${GRAFANA_CLOUD_API_KEY}
                  - "GRAFANA_CLOUD_OTLP_ENDPOINT"
                  - TZ
                env_file:
                  - path: ./alloy.env
                    required: false
                  - common.env
                volumes:
                  - ./grafana-alloy/config.alloy:/etc/alloy/config.alloy:ro
              api:
                image: shop/api:latest
                environment:
                  OTEL_EXPORTER_OTLP_ENDPOINT: http://alloy:4318
                  'QUOTED': "x # not a comment"
                env_file: api.env
                healthcheck:
                  test: |
                    curl -f http://localhost:8080/health: || exit 1
                  interval: 10s
            """;

        var services = ComposeFile.ReadServices(yaml);

        Assert.Equal(["alloy", "api"], services.Select(service => service.Name));
        var alloy = services[0];
        Assert.True(alloy.RunsAlloy);
        Assert.True(alloy.EnvironmentKnown);
        Assert.Equal(["GRAFANA_CLOUD_API_KEY", "GRAFANA_CLOUD_OTLP_ENDPOINT", "TZ"], alloy.EnvironmentNames);
        Assert.Equal(["./alloy.env", "common.env"], alloy.EnvFiles);
        Assert.Equal(7, alloy.Line);
        var api = services[1];
        Assert.False(api.RunsAlloy);
        Assert.Equal(["OTEL_EXPORTER_OTLP_ENDPOINT", "QUOTED"], api.EnvironmentNames);
        Assert.Equal(["api.env"], api.EnvFiles);
    }

    [Fact]
    public void SequenceAtTheKeysIndentationAndFlowForms()
    {
        const string yaml = """
            services:
              alloy:
                image: grafana/alloy
                environment:
                - A=1
                - B
                env_file: [one.env, "two.env"]
              other: {image: grafana/alloy@sha256:abc, environment: {C: 3}}
            """;

        var services = ComposeFile.ReadServices(yaml);

        Assert.Equal(["A", "B"], services[0].EnvironmentNames);
        Assert.Equal(["one.env", "two.env"], services[0].EnvFiles);
        Assert.True(services[1].RunsAlloy);
        Assert.Equal(["C"], services[1].EnvironmentNames);
    }

    [Fact]
    public void MergeKeysAndAliasesMakeTheEnvironmentUnknown()
    {
        const string yaml = """
            x-env: &env
              A: 1
            services:
              alloy:
                image: grafana/alloy:latest
                environment: *env
              alloy2:
                <<: *env
                image: grafana/alloy:latest
            """;

        var services = ComposeFile.ReadServices(yaml);

        Assert.False(services[0].EnvironmentKnown);
        Assert.False(services[1].EnvironmentKnown);
    }

    [Theory]
    [InlineData("grafana/alloy", true)]
    [InlineData("grafana/alloy:v1.18.1", true)]
    [InlineData("ghcr.io/mirror/grafana/alloy:latest", true)]
    [InlineData("localhost:5000/grafana/alloy", true)]
    [InlineData("grafana/alloy-operator:1.0", false)]
    [InlineData("grafana/agent:latest", false)]
    public void RecognisesTheAlloyImage(string image, bool expected)
    {
        Assert.Equal(expected, new ComposeService("s", image, 1, [], [], true).RunsAlloy);
    }

    [Fact]
    public void NotComposeYamlGivesNoServices()
    {
        Assert.Empty(ComposeFile.ReadServices("services: [a, b"));
        Assert.Empty(ComposeFile.ReadServices("just text"));
        Assert.Empty(ComposeFile.ReadServices(""));
        Assert.Empty(ComposeFile.ReadServices("services:\n\talloy:\n"));
    }

    [Fact]
    public void ReadsEnvFileNames()
    {
        const string env = "# secrets\nGRAFANA_CLOUD_API_KEY=glc_x\r\nexport GRAFANA_CLOUD_LOKI_ENDPOINT=\"https://x\"\n\nBARE\n";

        Assert.Equal(["GRAFANA_CLOUD_API_KEY", "GRAFANA_CLOUD_LOKI_ENDPOINT", "BARE"], ComposeFile.ReadEnvFileNames(env));
    }
}
