using System.Globalization;
using System.Text;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;

namespace AlloyLint.Benchmarks;

/// <summary>
/// Writes realistic Alloy configuration text of a requested size: components with labels, nested blocks, lists of
/// objects, references, function calls, comments and operators, in the proportions of real-world configs.
/// </summary>
public static class ConfigGenerator
{
    /// <summary>A generated config of about <paramref name="targetBytes"/> as source text at <paramref name="path"/>, checked to parse.</summary>
    public static SourceText Source(int targetBytes, string path)
    {
        var source = SourceText.From(Generate(targetBytes), path);
        if (AlloyParser.Parse(source).HasErrors)
        {
            throw new InvalidOperationException("the generated configuration does not parse");
        }

        return source;
    }

    public static string Generate(int targetBytes)
    {
        var builder = new StringBuilder(targetBytes + 4096);
        var index = 0;
        while (builder.Length < targetBytes)
        {
            AppendPipeline(builder, index++);
        }

        return builder.ToString();
    }

    private static void AppendPipeline(StringBuilder builder, int index)
    {
        var name = "app_" + index.ToString(CultureInfo.InvariantCulture);
        builder.Append(CultureInfo.InvariantCulture, $$"""
            // Scrape and ship the metrics of {{name}}.
            discovery.kubernetes "{{name}}" {
            	role = "pod"

            	namespaces {
            		names = ["monitoring", "default", "kube-system"]
            	}

            	selectors {
            		role  = "pod"
            		label = "app.kubernetes.io/name={{name}}"
            	}
            }

            discovery.relabel "{{name}}" {
            	targets = discovery.kubernetes.{{name}}.targets

            	rule {
            		source_labels = ["__meta_kubernetes_pod_label_app", "__meta_kubernetes_namespace"]
            		separator     = "/"
            		target_label  = "job"
            		regex         = "(.+)/(.+)"
            		replacement   = "$2/$1"
            	}

            	rule {
            		action        = "keep"
            		source_labels = ["__meta_kubernetes_pod_phase"]
            		regex         = "Pending|Running"
            	}
            }

            prometheus.scrape "{{name}}" {
            	targets         = discovery.relabel.{{name}}.output
            	forward_to      = [prometheus.remote_write.default.receiver]
            	scrape_interval = "15s"
            	scrape_timeout  = "10s" /* shorter than the interval */
            	honor_labels    = true
            }

            prometheus.remote_write "{{name}}" {
            	endpoint {
            		url = string.format("https://prometheus-%s.example.com/api/v1/write", sys.env("REGION"))

            		basic_auth {
            			username = sys.env("PROM_USER")
            			password = coalesce(sys.env("PROM_PASSWORD"), "")
            		}

            		queue_config {
            			capacity          = 10000 * 2
            			max_shards        = 50
            			min_backoff       = "30ms"
            			retry_on_http_429 = !false && 1 < 2
            		}
            	}

            	external_labels = {
            		cluster     = "prod-eu-1",
            		"team.name" = "observability",
            		replica     = 1 + {{index % 3}},
            	}
            }


            """);
    }
}
