namespace AlloyLint.Rules.Model;

/// <summary>
/// What Alloy uses when an argument is absent, for the arguments the rules compare (components.md; upstream
/// <c>SetToDefault</c>). Keyed by block name and attribute path.
/// </summary>
public static class ArgumentDefaults
{
    private static readonly Dictionary<(string Block, string Path), AlloyValue> Defaults = new()
    {
        [("prometheus.scrape", "scrape_interval")] = new AlloyString("60s"),
        [("prometheus.scrape", "scrape_timeout")] = new AlloyString("10s"),
        [("prometheus.scrape", "metrics_path")] = new AlloyString("/metrics"),
        [("prometheus.scrape", "scheme")] = new AlloyString("http"),
        [("logging", "level")] = new AlloyString("info"),
        [("logging", "format")] = new AlloyString("logfmt"),
        [("logging", "destination")] = new AlloyString("stderr"),
        [("tracing", "sampling_fraction")] = new AlloyNumber(0.1),
        [("tracing", "send_traceparent")] = new AlloyBool(false),
        [("loki.write", "external_labels")] = new AlloyObject([]),
        [("otelcol.processor.batch", "timeout")] = new AlloyString("200ms"),
    };

    /// <summary>The default of <paramref name="path"/> in a block named <paramref name="blockName"/>, or null when unknown.</summary>
    public static AlloyValue? Find(string blockName, string path) => Defaults.GetValueOrDefault((blockName, path));
}
