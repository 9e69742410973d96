using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.SelfMonitoring;

/// <summary>
/// Reports a scrape of Alloy's own metrics when no relabel rule on the way sets the <c>job</c> label dashboards query
/// (<c>job_name</c> cannot: exporter targets already carry <c>job="integrations/self"</c>); the fix adds the rule.
/// </summary>
public sealed class AL211SelfJobLabel : Rule
{
    private static readonly IReadOnlySet<string> JobLabel = new HashSet<string>(StringComparer.Ordinal) { "job" };

    public override RuleMetadata Metadata { get; } = new(
        "AL211",
        "self-job-label",
        RuleCategory.SelfMonitoring,
        Severity.Warning,
        "No relabel rule gives Alloy's own metrics the job label dashboards query; job_name cannot rename exporter targets.",
        FixAvailability.Sometimes)
    {
        Options =
        [
            RuleOption.String("job", "integrations/alloy", "The job label Alloy's own metrics must carry."),
            RuleOption.String("relabel_label", "alloy_self", "Label of a discovery.relabel added by the fix."),
        ],
    };

    public override void Check(LintContext context)
    {
        var job = context.Options.GetString("job");
        var pipelines = SelfMonitoringPipelines.Of(context);
        foreach (var self in pipelines.SelfScrapes.DistinctBy(self => self.Scrape))
        {
            var relabels = self.Relabels.Concat(pipelines.MetricRelabelsAfter(self.Scrape));
            if (relabels.Any(relabel => SelfMonitoringPipelines.RulesSetting(relabel, JobLabel, job).Any()))
            {
                continue;
            }

            var scrape = self.Scrape;
            var jobText = AlloyCode.String(job);
            var jobName = scrape.Attribute("job_name") is null ? string.Empty : " (job_name only fills a job label that is not set yet)";
            context.Report(
                scrape,
                $"{scrape.DisplayName} sends Alloy's own metrics with job=\"integrations/self\"{jobName}; expected a relabel rule setting job={jobText}",
                AddJobRule(pipelines, self, jobText, context.Options.GetString("relabel_label")));
        }
    }

    private static Fix? AddJobRule(SelfMonitoringPipelines pipelines, SelfScrape self, string jobText, string preferredLabel)
    {
        var scrape = self.Scrape;
        if (scrape.Attribute("targets") is not { } targets)
        {
            return null;
        }

        var rule = $"rule {{\ntarget_label = \"job\"\nreplacement = {jobText}\n}}";
        var title = $"Set job={jobText} with a discovery.relabel rule";
        var read = Traversal.DottedName(targets.Value);
        if (read == $"{self.Exporter.Id}.targets")
        {
            var label = pipelines.FreeLabel("discovery.relabel", preferredLabel);
            var relabel = $"discovery.relabel {AlloyCode.String(label)} {{\ntargets = {read}\n{rule}\n}}";
            var anchor = self.Exporter.Tree == scrape.Tree && self.Exporter.Scope == scrape.Scope ? self.Exporter.Block : scrape.Block;
            return Fix.Safe(
                title,
                TextEdit.Replace(targets.Value.Span, $"discovery.relabel.{label}.output"),
                SourceEdits.InsertAfter(scrape.Tree, anchor, relabel));
        }

        var last = self.Relabels.FirstOrDefault(relabel => read == $"{relabel.Id}.output");
        if (last is null || last.Tree != scrape.Tree || SourceEdits.AppendToBody(last.Tree, last.Block, rule) is not { } append)
        {
            return null;
        }

        return Fix.Safe(title, append);
    }
}
