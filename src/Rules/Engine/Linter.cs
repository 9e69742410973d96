using System.Collections.Concurrent;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Engine;

/// <summary>
/// Runs the enabled rules: forms configurations from the requested files and their siblings (per
/// <see cref="LintSettings.Mode"/>), checks each, applies suppression comments and returns the findings in the
/// requested files, sorted by path, line, column and rule ID.
/// </summary>
/// <remarks>
/// A configuration in which a file has syntax errors is only checked by syntax and suppression rules: the
/// others would judge a partial tree and report things that are not there.
/// </remarks>
public sealed class Linter
{
    private readonly IReadOnlyList<Rule> _rules;
    private readonly IReadOnlyList<RuleMetadata> _known;
    private readonly HashSet<string> _enabledIds;

    public Linter(LintSettings settings, IReadOnlyList<Rule>? rules = null)
    {
        Settings = settings;
        _known = [.. (rules ?? RuleRegistry.All).Select(rule => rule.Metadata)];
        _rules = [.. (rules ?? RuleRegistry.All).Where(rule => settings.IsEnabled(rule.Metadata))];
        _enabledIds = [.. _rules.Select(rule => rule.Metadata.Id)];
    }

    public LintSettings Settings { get; }

    /// <summary>
    /// From this many characters of configuration on, its rules run in parallel; below it, starting worker threads
    /// costs more than the rules themselves.
    /// </summary>
    internal int ParallelRulesThreshold { get; init; } = 256 * 1024;

    /// <summary>The rules this linter runs.</summary>
    public IReadOnlyList<Rule> EnabledRules => _rules;

    public IReadOnlyList<LintDiagnostic> Lint(IReadOnlyList<SourceText> requested, IWorkspace workspace) => Lint(Parse(requested), workspace);

    /// <summary>Lints files already parsed, as <see cref="Lint(IReadOnlyList{SourceText}, IWorkspace)"/> lints their texts.</summary>
    public IReadOnlyList<LintDiagnostic> Lint(IReadOnlyList<SyntaxTree> requested, IWorkspace workspace) =>
        Lint(FormConfigurations(requested, workspace), workspace);

    /// <summary>
    /// Lints configurations formed before (<see cref="FormConfigurations(IReadOnlyList{SyntaxTree}, IWorkspace)"/>): the
    /// fixer re-lints the files it rewrote among the same siblings, which are neither read nor grouped again.
    /// </summary>
    public IReadOnlyList<LintDiagnostic> Lint(IReadOnlyList<Configuration> configurations, IWorkspace workspace)
    {
        var findings = new List<LintDiagnostic>();
        foreach (var configuration in configurations)
        {
            Check(configuration, workspace, findings);
        }

        return LintDiagnostic.InReportOrder(findings);
    }

    /// <summary>Lints one text on its own or with its siblings, as <see cref="Lint(IReadOnlyList{SourceText}, IWorkspace)"/> does.</summary>
    public IReadOnlyList<LintDiagnostic> Lint(SourceText source, IWorkspace workspace) => Lint([source], workspace);

    /// <summary>The configurations that hold the requested files, per the mode.</summary>
    public IReadOnlyList<Configuration> FormConfigurations(IReadOnlyList<SourceText> requested, IWorkspace workspace) =>
        FormConfigurations(Parse(requested), workspace);

    /// <summary>The configurations that hold the requested files, per the mode; siblings are read from the workspace and parsed.</summary>
    public IReadOnlyList<Configuration> FormConfigurations(IReadOnlyList<SyntaxTree> requested, IWorkspace workspace)
    {
        var requestedTrees = requested.DistinctBy(tree => FullPath(tree.Source.Path)).ToList();
        if (Settings.Mode == ConfigurationMode.File)
        {
            return [.. requestedTrees.Select(tree => new Configuration([tree], [tree]))];
        }

        var configurations = new List<Configuration>();
        foreach (var directory in requestedTrees.GroupBy(tree => Path.GetDirectoryName(FullPath(tree.Source.Path)) ?? string.Empty, StringComparer.Ordinal))
        {
            var requestedHere = directory.ToList();
            var requestedPaths = requestedHere.Select(tree => FullPath(tree.Source.Path)).ToHashSet(StringComparer.Ordinal);
            var siblings = new List<SyntaxTree>(requestedHere);
            foreach (var path in workspace.AlloyFilesInDirectory(directory.Key))
            {
                if (!requestedPaths.Contains(FullPath(path)) && workspace.ParseAlloyFile(path) is { } sibling)
                {
                    siblings.Add(sibling);
                }
            }

            siblings.Sort((a, b) => string.CompareOrdinal(a.Source.Path, b.Source.Path));
            var groups = Settings.Mode == ConfigurationMode.Directory ? [siblings] : ConfigurationGrouper.GroupByReferences(siblings);
            configurations.AddRange(groups
                .Where(group => group.Any(requestedHere.Contains))
                .Select(group => new Configuration(group, requestedHere)));
        }

        return configurations;
    }

    /// <summary>Checks one configuration and adds the findings it reports in the requested files to <paramref name="kept"/>.</summary>
    private void Check(Configuration configuration, IWorkspace workspace, List<LintDiagnostic> kept)
    {
        var skipSemantic = configuration.HasSyntaxErrors;
        bool Runs(Rule rule) => !skipSemantic || rule.Metadata.Category is RuleCategory.Syntax or RuleCategory.Suppression;

        // Each rule reports into its own list, so the rules of a large configuration can run on all cores and still
        // give their findings in the same order as one after another.
        var checking = _rules.Where(rule => rule.Metadata.Category != RuleCategory.Suppression && Runs(rule)).ToList();
        var findings = new List<LintDiagnostic>[checking.Count];
        void CheckWith(int index)
        {
            var context = NewContext(configuration, checking[index], workspace, findings[index] = [], suppressions: null);
            try
            {
                checking[index].Check(context);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A bug in one rule must not hide every other finding: report it where the user looks.
                context.Report(context.AnchorTree, new TextSpan(0, 0), $"internal error: rule {checking[index].Metadata.Id} failed on this configuration ({exception.GetType().Name}: {exception.Message}); please report it");
            }
        }

        if (configuration.Trees.Sum(tree => tree.Source.Length) >= ParallelRulesThreshold)
        {
            // One rule at a time to each core, those that need no semantic model first (see RuleMetadata.ReadsOnlySyntax).
            var order = Enumerable.Range(0, checking.Count).OrderBy(index => checking[index].Metadata.ReadsOnlySyntax ? 0 : 1).ToArray();
            Parallel.ForEach(Partitioner.Create(order, loadBalance: true), CheckWith);
        }
        else
        {
            for (var index = 0; index < checking.Count; index++)
            {
                CheckWith(index);
            }
        }

        var suppressions = new SuppressionIndex(configuration.RequestedTrees, _known, checking.Select(rule => rule.Metadata));
        Dictionary<SourceText, IReadOnlyList<string>>? ignoredInFile = null;
        bool IgnoredInItsFile(LintDiagnostic finding)
        {
            if (Settings.IgnoredInFile is not { } ignored)
            {
                return false;
            }

            ignoredInFile ??= [];
            if (!ignoredInFile.TryGetValue(finding.Source, out var selectors))
            {
                ignoredInFile[finding.Source] = selectors = ignored(finding.Source.Path);
            }

            return LintSettings.IsIgnored(selectors, finding.Rule);
        }

        kept.EnsureCapacity(kept.Count + findings.Sum(list => list.Count));
        foreach (var list in findings)
        {
            foreach (var finding in list)
            {
                if (IsRequested(configuration, finding.Source) && !suppressions.Suppress(finding) && !IgnoredInItsFile(finding))
                {
                    kept.Add(finding);
                }
            }
        }

        var judged = new List<LintDiagnostic>();
        foreach (var rule in _rules.Where(rule => rule.Metadata.Category == RuleCategory.Suppression))
        {
            rule.Check(NewContext(configuration, rule, workspace, judged, suppressions));
        }

        kept.AddRange(judged.Where(finding => IsRequested(configuration, finding.Source) && !suppressions.Suppress(finding, markUsed: false) && !IgnoredInItsFile(finding)));
    }

    private LintContext NewContext(Configuration configuration, Rule rule, IWorkspace workspace, List<LintDiagnostic> sink, SuppressionIndex? suppressions) =>
        new(configuration, rule.Metadata, Settings.SeverityOf(rule.Metadata), Settings.OptionsOf(rule.Metadata), workspace, sink)
        {
            Suppressions = suppressions,
            EnabledRuleIds = _enabledIds,
        };

    private static bool IsRequested(Configuration configuration, SourceText source)
    {
        // A loop, not Any with a lambda: this runs once per finding, and the lambda's closure would be allocated each time.
        foreach (var tree in configuration.RequestedTrees)
        {
            if (ReferenceEquals(tree.Source, source))
            {
                return true;
            }
        }

        return false;
    }

    private static List<SyntaxTree> Parse(IReadOnlyList<SourceText> sources) =>
        [.. sources.DistinctBy(source => FullPath(source.Path)).Select(AlloyParser.Parse)];

    private static string FullPath(string path) => Path.GetFullPath(path);
}
