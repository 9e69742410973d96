using AlloyLint.Cli.Configuration;
using AlloyLint.Cli.Discovery;
using AlloyLint.Cli.IO;
using AlloyLint.Cli.Reporting;
using AlloyLint.Cli.Reporting.Json;
using AlloyLint.Cli.Reporting.Sarif;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;

namespace AlloyLint.Cli.Commands;

/// <summary>
/// One lint run: discovers the files, finds each one's configuration, lints groups of files (one folder under one
/// configuration) in parallel, applies or shows fixes, reports in the chosen format and decides the exit code.
/// </summary>
internal sealed class LintRun(LintOptions options, CliConsole console)
{
    private const string StdinDisplayName = "<stdin>";
    private readonly string _workingDirectory = console.WorkingDirectory;
    private readonly DiskWorkspace _workspace = new(console.WorkingDirectory);

    private sealed record Group(ConfigFile Config, IReadOnlyList<string> Files);

    /// <summary>A file rewritten (or, with --diff, to be rewritten): <paramref name="Count"/> fixes applied or rule IDs of suppressions added.</summary>
    private sealed record FileChange(SourceText Original, string NewText, int Count);

    private sealed record GroupResult(List<LintDiagnostic> Diagnostics, List<PathProblem> Problems, List<FileChange> Changes, int LintedFiles);

    public int Execute()
    {
        var rules = RuleRegistry.All.Select(rule => rule.Metadata).OrderBy(rule => rule.Id, StringComparer.Ordinal).ToList();
        var loader = new ConfigLoader(rules);
        if ((options.Select ?? []).Concat(options.Ignore).FirstOrDefault(selector => !loader.IsKnownSelector(selector)) is { } unknown)
        {
            return UsageError($"unknown rule or prefix '{unknown}' in --select/--ignore (see '{ProductInfo.Name} rules')");
        }

        if (options.Paths.FirstOrDefault(path => path.StartsWith('-') && path != "-") is { } option)
        {
            return UsageError($"unknown option '{option}' (see '{ProductInfo.Name} --help'; name a file starting with '-' as ./{option})");
        }

        var readsStdin = options.ReadsStdin || (options.Paths is ["."] && options.StdinFilename is not null);
        if (!readsStdin && options.Paths.Contains("-"))
        {
            return UsageError("'-' (standard input) cannot be combined with other paths");
        }

        if (options.AddSuppressions && (options.Fix || options.Diff || readsStdin))
        {
            return UsageError("--add-suppressions writes the files it lints: it cannot be combined with --fix, --diff or standard input");
        }

        if (options.SuppressionReason is { } reason && (!options.AddSuppressions || reason.AsSpan().ContainsAny('\r', '\n') || string.IsNullOrWhiteSpace(reason)))
        {
            return UsageError("--suppression-reason takes one line of text and goes with --add-suppressions");
        }

        if (options.ShowFiles && (options.Fix || options.Diff || options.AddSuppressions || readsStdin))
        {
            return UsageError("--show-files only lists the files to lint: it cannot be combined with --fix, --diff, --add-suppressions or standard input");
        }

        var resolver = new ConfigResolver(loader, options.ConfigPath, _workingDirectory);
        var (groups, problems, stdinSource) = readsStdin ? ReadStdin(resolver) : Discover(resolver);
        if (options.ShowFiles)
        {
            return ShowFiles(groups, problems);
        }

        if (console.OwnsProcess)
        {
            CollectionFreeRun.TryEnter(stdinSource?.Length ?? groups.Sum(group => group.Files.Sum(FileLength)));
        }

        var results = new GroupResult[groups.Count];
        if (groups.Count == 1)
        {
            // One group is the common case (a single file or folder): starting pool threads would cost more than it saves.
            results[0] = LintGroup(groups[0], stdinSource);
        }
        else
        {
            Parallel.For(0, groups.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
                results[index] = LintGroup(groups[index], stdinSource));
        }

        // The linter sorts each group's findings; they stay sorted unless fixes replaced some or there are several groups.
        var diagnostics = results.SelectMany(result => result.Diagnostics).ToList();
        if (!IsInReportOrder(diagnostics))
        {
            diagnostics = [.. LintDiagnostic.InReportOrder(diagnostics)];
        }

        problems.AddRange(results.SelectMany(result => result.Problems));
        problems.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var changes = results.SelectMany(result => result.Changes).OrderBy(change => change.Original.Path, StringComparer.Ordinal).ToList();
        var fileCount = results.Sum(result => result.LintedFiles);

        var reportOptions = new ReportOptions(_workingDirectory, UseColor(), options.Quiet, options.UnsafeFixes);
        foreach (var problem in problems)
        {
            console.Error.WriteLine($"{reportOptions.DisplayPath(problem.Path)}: error: {problem.Message}");
        }

        if (options.Diff)
        {
            return ReportDiff(changes, problems, reportOptions);
        }

        var report = new LintReport(diagnostics, problems, fileCount, rules, options.Fix ? changes.Sum(change => change.Count) : 0);
        if (readsStdin && options.Fix && stdinSource is not null)
        {
            console.Out.Write(changes.Count > 0 ? changes[0].NewText : stdinSource.Text);
            Reporter(reportOptions).Write(report, console.Error);
        }
        else
        {
            WriteReport(report, reportOptions);
        }

        if (options.AddSuppressions && !options.Quiet)
        {
            console.Error.WriteLine(changes.Count == 0
                ? "No suppressions to add."
                : $"Added {TextReporter.Plural(changes.Sum(change => change.Count), "suppression")} to {TextReporter.Plural(changes.Count, "file")}.");
        }

        if (problems.Count > 0)
        {
            return ExitCodes.Error;
        }

        return !options.ExitZero && diagnostics.Any(diagnostic => diagnostic.Severity >= options.FailLevel) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    /// <summary>Lists the files a lint would read, one per line in path order, and lints nothing.</summary>
    private int ShowFiles(List<Group> groups, List<PathProblem> problems)
    {
        var reportOptions = new ReportOptions(_workingDirectory);
        foreach (var problem in problems)
        {
            console.Error.WriteLine($"{reportOptions.DisplayPath(problem.Path)}: error: {problem.Message}");
        }

        foreach (var path in groups.SelectMany(group => group.Files).Select(reportOptions.DisplayPath).Order(StringComparer.Ordinal))
        {
            console.Out.WriteLine(path);
        }

        return problems.Count > 0 ? ExitCodes.Error : ExitCodes.Clean;
    }

    private static long FileLength(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return 0; // reported when the file is read
        }
    }

    private (List<Group> Groups, List<PathProblem> Problems, SourceText? Stdin) Discover(ConfigResolver resolver)
    {
        var discovery = new FileDiscovery(_workingDirectory, (fullPath, isDirectory) =>
            resolver.ForDirectory(Path.GetDirectoryName(fullPath) ?? _workingDirectory).Excludes(fullPath, isDirectory));
        var (files, problems) = discovery.Discover(options.Paths);
        var groups = files
            .GroupBy(file => (Config: resolver.ForFile(file), Directory: Path.GetDirectoryName(file) ?? string.Empty))
            .Select(group => new Group(group.Key.Config, [.. group]))
            .ToList();
        return (groups, [.. problems], null);
    }

    private (List<Group> Groups, List<PathProblem> Problems, SourceText? Stdin) ReadStdin(ConfigResolver resolver)
    {
        var path = options.StdinFilename is { } name ? Path.GetFullPath(name, _workingDirectory) : StdinDisplayName;
        using var input = console.OpenInput();
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        if (DiskWorkspace.Decode(buffer.ToArray(), path, out var problem) is not { } source)
        {
            return ([], [new PathProblem(path, problem!)], null);
        }

        if (options.StdinFilename is not null)
        {
            _workspace.Overlay(source);
        }

        var config = options.StdinFilename is null ? resolver.ForDirectory(_workingDirectory) : resolver.ForFile(path);
        return ([new Group(config, [path])], [], source);
    }

    private GroupResult LintGroup(Group group, SourceText? stdinSource)
    {
        var settings = SettingsBuilder.Build(group.Config, options);
        if (stdinSource is not null && options.StdinFilename is null)
        {
            settings = new LintSettings
            {
                Select = settings.Select,
                Ignore = settings.Ignore,
                SeverityOverrides = settings.SeverityOverrides,
                RuleOptions = settings.RuleOptions,
                Mode = ConfigurationMode.File,
            };
        }

        var problems = new List<PathProblem>();
        var sources = new List<SourceText>();
        foreach (var file in group.Files)
        {
            string? problem = null;
            if ((stdinSource ?? DiskWorkspace.Read(file, out problem)) is { } source)
            {
                sources.Add(source);
            }
            else
            {
                problems.Add(new PathProblem(file, problem!));
            }
        }

        var linter = new Linter(settings);
        var configurations = linter.FormConfigurations(sources, _workspace);
        var diagnostics = linter.Lint(configurations, _workspace).ToList();
        var changes = new List<FileChange>();
        if (options.Fix || options.Diff)
        {
            // The files of a configuration are fixed together, among the siblings it was formed with. A file belongs to
            // one configuration only, so the first lint's findings hold for each.
            var fixable = diagnostics.Where(diagnostic => IsApplicable(diagnostic.Fix)).Select(diagnostic => diagnostic.Source.Path).ToHashSet(StringComparer.Ordinal);
            var applier = new FixApplier(linter, console.OwnsProcess ? CollectionFreeRun.CollectBeforeRelint : null);
            // Dequeued into the call, so that nothing here keeps a configuration's first trees and model once its passes
            // have replaced them.
            var pending = new Queue<Rules.Model.Configuration>(configurations.Where(configuration => configuration.RequestedTrees.Any(tree => fixable.Contains(tree.Source.Path))));
            while (pending.Count > 0)
            {
                foreach (var result in applier.Apply(pending.Dequeue(), _workspace, options.UnsafeFixes, diagnostics).Where(result => result.Changed))
                {
                    Rewrite(new FileChange(result.Original, result.NewText, result.Applied.Count), result.Remaining);
                }
            }
        }

        if (options.AddSuppressions)
        {
            var withFindings = diagnostics.Select(diagnostic => diagnostic.Source.Path).ToHashSet(StringComparer.Ordinal);
            var adder = new SuppressionAdder(linter, options.SuppressionReason?.Trim());
            foreach (var configuration in configurations.Where(configuration => configuration.RequestedTrees.Any(tree => withFindings.Contains(tree.Source.Path))))
            {
                foreach (var result in adder.Apply(configuration, _workspace, diagnostics).Where(result => result.Changed))
                {
                    Rewrite(new FileChange(result.Original, result.NewText, result.Added), result.Remaining);
                }
            }
        }

        // Writes a changed file (unless showing a diff or reading standard input) and takes its remaining findings.
        void Rewrite(FileChange change, IReadOnlyList<LintDiagnostic> remaining)
        {
            var path = change.Original.Path;
            if (!options.Diff && stdinSource is null && WriteChanged(change.Original, change.NewText) is { } problem)
            {
                problems.Add(new PathProblem(path, problem, NotRewritten: true));
                return;
            }

            changes.Add(change);
            diagnostics.RemoveAll(diagnostic => diagnostic.Source.Path == path);
            diagnostics.AddRange(remaining.Where(diagnostic => diagnostic.Source.Path == path));
        }

        return new GroupResult(diagnostics, problems, changes, sources.Count);
    }

    private static bool IsInReportOrder(List<LintDiagnostic> diagnostics)
    {
        for (var i = 1; i < diagnostics.Count; i++)
        {
            if (LintDiagnostic.ReportOrder.Compare(diagnostics[i - 1], diagnostics[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes a fixed file, or one with suppressions added, unless that could lose data; returns why it was not written, or null.</summary>
    private static string? WriteChanged(SourceText source, string newText)
    {
        if (source.InvalidUtf8Offsets.Count > 0)
        {
            return "contains invalid UTF-8; not rewritten (the invalid bytes would be replaced)";
        }

        try
        {
            AtomicFile.Replace(source.Path, source.Encode(source.Text), source.Encode(newText));
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return error.Message;
        }
    }

    private bool IsApplicable(Fix? fix) => fix is not null && (options.UnsafeFixes || fix.Applicability == Applicability.Safe);

    private int ReportDiff(List<FileChange> changes, List<PathProblem> problems, ReportOptions reportOptions)
    {
        Emit(output =>
        {
            foreach (var change in changes)
            {
                var label = reportOptions.DisplayPath(change.Original.Path);
                UnifiedDiff.Write(output, change.Original.Text, change.NewText, label, label);
            }
        });
        if (!options.Quiet)
        {
            var fixes = changes.Sum(change => change.Count);
            console.Error.WriteLine(changes.Count == 0
                ? "No fixes to apply."
                : $"Would fix {TextReporter.Plural(fixes, "problem")} in {TextReporter.Plural(changes.Count, "file")}.");
        }

        return problems.Count > 0 ? ExitCodes.Error : changes.Count > 0 && !options.ExitZero ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private void WriteReport(LintReport report, ReportOptions reportOptions) => Emit(output => Reporter(reportOptions).Write(report, output));

    /// <summary>Writes straight to the <c>--output</c> file or standard output, without building the whole text first.</summary>
    private void Emit(Action<TextWriter> write)
    {
        if (options.OutputPath is { } path)
        {
            using var file = new StreamWriter(Path.GetFullPath(path, _workingDirectory), append: false) { NewLine = "\n" };
            write(file);
        }
        else
        {
            write(console.Out);
        }
    }

    private IReporter Reporter(ReportOptions reportOptions) => options.Statistics
        ? new StatisticsReporter()
        : options.Format switch
        {
            OutputFormat.Concise => new ConciseReporter(reportOptions),
            OutputFormat.Json => new JsonReporter(reportOptions),
            OutputFormat.GitHub => new GitHubReporter(reportOptions),
            OutputFormat.GitLab => new GitLabReporter(reportOptions),
            OutputFormat.JUnit => new JUnitReporter(reportOptions),
            OutputFormat.Sarif => new SarifReporter(reportOptions),
            _ => new TextReporter(reportOptions),
        };

    private bool UseColor() =>
        options.Format == OutputFormat.Text
        && !options.NoColor
        && string.IsNullOrEmpty(console.Environment("NO_COLOR"))
        && options.OutputPath is null
        && console.OutputIsTerminal;

    private int UsageError(string message)
    {
        console.Error.WriteLine($"{ProductInfo.Name}: error: {message}");
        return ExitCodes.Error;
    }
}
