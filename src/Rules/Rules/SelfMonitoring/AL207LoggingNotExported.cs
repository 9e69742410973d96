using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.SelfMonitoring;

/// <summary>
/// Reports a <c>logging</c> block whose <c>write_to</c> reaches no <c>loki.write</c>. With one <c>loki.write</c> the safe
/// fix writes to it; otherwise the unsafe fix adds one configured from environment variables.
/// </summary>
public sealed class AL207LoggingNotExported : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL207",
        "logging-not-exported",
        RuleCategory.SelfMonitoring,
        Severity.Warning,
        "logging.write_to does not reach a loki.write, so Alloy's own logs only go to stderr.",
        FixAvailability.Always)
    {
        Options =
        [
            RuleOption.String("loki_label", "grafana_cloud_loki", "Label of a loki.write added by the unsafe fix."),
            RuleOption.String("endpoint_env", LokiEnvironment.EndpointDefault, "Environment variable holding the Loki push URL."),
            RuleOption.String("username_env", LokiEnvironment.UsernameDefault, "Environment variable holding the Loki basic-auth user."),
            RuleOption.String("password_env", LokiEnvironment.PasswordDefault, "Environment variable holding the API key."),
        ],
    };

    public override void Check(LintContext context)
    {
        var pipelines = SelfMonitoringPipelines.Of(context);
        if (pipelines.Logging is not { } logging || pipelines.LogWriters(logging).Count > 0)
        {
            return;
        }

        var writers = pipelines.Named("loki.write").ToList();
        var writeTo = logging.Attribute("write_to");
        var target = writers.Count == 1 ? writers[0].Id : $"loki.write.{pipelines.FreeLabel("loki.write", context.Options.GetString("loki_label"))}";
        var message = $"logging write_to does not reach a loki.write: Alloy's own logs only go to stderr; expected write_to = [{target}.receiver]";
        var wire = writeTo switch
        {
            null => SourceEdits.SetAttribute(logging.Tree, logging.Block, "write_to", $"[{target}.receiver]"),
            { Value: ArrayExpression list } => SourceEdits.AppendElement(logging.Tree, list, $"{target}.receiver"),
            _ => null,
        };
        var fix = wire is null ? null
            : writers.Count == 1 ? Fix.Safe($"Write Alloy's logs to {writers[0].DisplayName}", wire)
            : Fix.Unsafe($"Add {target} configured from environment variables and write Alloy's logs to it", [.. wire, AddWriter(context, logging, target)]);
        if (writeTo is null)
        {
            context.Report(logging, message, fix);
        }
        else
        {
            context.Report(logging.Tree, writeTo.Value, message, fix);
        }
    }

    private static TextEdit AddWriter(LintContext context, ConfigBlock logging, string id)
    {
        var label = id["loki.write.".Length..];
        var writer = $$"""
            loki.write {{AlloyCode.String(label)}} {
            endpoint {
            url = {{AlloyCode.EnvironmentRead(context.Options.GetString("endpoint_env"))}}
            basic_auth {
            username = {{AlloyCode.EnvironmentRead(context.Options.GetString("username_env"))}}
            password = {{AlloyCode.EnvironmentRead(context.Options.GetString("password_env"))}}
            }
            }
            }
            """;
        return SourceEdits.InsertAfter(logging.Tree, logging.Block, writer);
    }
}
