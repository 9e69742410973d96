using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Compose;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.SelfMonitoring;

/// <summary>
/// Reports a <c>sys.env</c> variable the self-monitoring pipelines read that the docker compose file beside the
/// configuration does not pass to the Alloy service. Silent when there is no such compose file.
/// </summary>
public sealed class AL213EnvNotProvided : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL213",
        "env-not-provided",
        RuleCategory.SelfMonitoring,
        Severity.Warning,
        "An environment variable the self-monitoring pipelines read is not provided to the Alloy service of the compose file beside the config.");

    public override void Check(LintContext context)
    {
        var reads = SelfMonitoringPipelines.Of(context).PipelineBlocks()
            .SelectMany(block => block.Block.Body.Descendants()
                .OfType<CallExpression>()
                .Select(Calls.AsEnvironmentRead)
                .OfType<EnvironmentRead>()
                .Where(read => read.Name is not null)
                .Select(read => (block.Tree, Read: read)))
            .ToList();
        if (reads.Count == 0)
        {
            return;
        }

        var configDirectory = Path.GetDirectoryName(context.Trees[0].Source.Path) ?? string.Empty;
        foreach (var service in ComposeLookup.AlloyServicesBeside(context.Workspace, configDirectory))
        {
            if (service.ProvidedNames is not { } provided)
            {
                continue;
            }

            foreach (var (tree, read) in reads.Where(read => !provided.Contains(read.Read.Name!)))
            {
                var call = $"{(read.IsDeprecated ? "env" : "sys.env")}({AlloyCode.String(read.Name!)})";
                context.Report(
                    tree,
                    read.Call,
                    $"{call} is not provided to service \"{service.Name}\" in {service.DisplayPath}; expected {read.Name} in the service's environment: or env_file:");
            }
        }
    }
}
