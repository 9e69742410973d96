namespace AlloyLint.Rules.SelfMonitoring;

/// <summary>The environment variables a Grafana Cloud <c>loki.write</c> reads by default (self-monitoring.md §2).</summary>
internal static class LokiEnvironment
{
    public const string EndpointDefault = "GRAFANA_CLOUD_LOKI_ENDPOINT";
    public const string UsernameDefault = "GRAFANA_CLOUD_LOKI_INSTANCE_ID";
    public const string PasswordDefault = "GRAFANA_CLOUD_API_KEY";
}
