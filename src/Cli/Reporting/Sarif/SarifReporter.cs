using System.Text.Json;
using AlloyLint.Cli.Discovery;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;

namespace AlloyLint.Cli.Reporting.Sarif;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and SARIF viewers: every rule with its docs page, results with
/// repository-relative locations under <c>%SRCROOT%</c> (the working directory), GitHub's line-hash
/// fingerprints, fixes as replacements, and unreadable paths as tool execution notifications.
/// </summary>
internal sealed class SarifReporter(ReportOptions options, Func<string, string?>? docsPage = null) : IReporter
{
    private readonly Func<string, string?> _docsPage = docsPage ?? RuleDocs.Page;

    public const string SourceRoot = "%SRCROOT%";

    public void Write(LintReport report, TextWriter output)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < report.Rules.Count; i++)
        {
            ruleIndex[report.Rules[i].Id] = i;
        }

        var fingerprints = Fingerprints(report.Diagnostics);
        var artifacts = new Dictionary<string, SarifArtifactLocation>(StringComparer.Ordinal);
        var results = report.Diagnostics.Select(diagnostic => Result(diagnostic, ruleIndex[diagnostic.Rule.Id], fingerprints[diagnostic.Source], artifacts)).ToList();
        var notifications = report.Problems.Select(Notification).ToList();
        var run = new SarifRun(
            new SarifTool(new SarifToolComponent(
                ProductInfo.Name,
                ProductInfo.Version,
                ProductInfo.Version,
                ProductInfo.InformationUri,
                [.. report.Rules.Select(Descriptor)])),
            new Dictionary<string, SarifArtifactLocation> { [SourceRoot] = new(DirectoryUri(options.WorkingDirectory)) },
            [new SarifInvocation(report.Problems.Count == 0, new SarifArtifactLocation(DirectoryUri(options.WorkingDirectory)), notifications.Count == 0 ? null : notifications)],
            "utf16CodeUnits",
            results);
        var log = new SarifLog("https://json.schemastore.org/sarif-2.1.0.json", "2.1.0", [run]);
        JsonSerializer.Serialize(new TextWriterStream(output), log, SarifJsonContext.Readable.SarifLog);
        output.WriteLine();
    }

    private SarifReportingDescriptor Descriptor(RuleMetadata rule)
    {
        var page = _docsPage(rule.Id);
        var fullDescription = (page is null ? null : RuleDocs.WhatItDoes(page)) ?? rule.Summary;
        var level = Level(rule.DefaultSeverity);
        var security = rule.Category == RuleCategory.Security;
        return new SarifReportingDescriptor(
            rule.Id,
            rule.Name,
            new SarifMessage(Limit(rule.Summary)),
            new SarifMessage(Limit(fullDescription)),
            new SarifMultiformatMessage(page ?? rule.Summary, page),
            ProductInfo.RuleHelpUri(rule.Id),
            new SarifReportingConfiguration(level),
            new SarifRuleProperties(
                [RuleCategories.Name(rule.Category)],
                "very-high",
                rule.DefaultSeverity == Severity.Note ? "recommendation" : level,
                security ? SecuritySeverity(rule.DefaultSeverity) : null));
    }

    /// <summary>The fingerprints of the lines with a finding, per file; the files are hashed in parallel.</summary>
    private static Dictionary<SourceText, Dictionary<int, LineFingerprint>> Fingerprints(IReadOnlyList<LintDiagnostic> diagnostics)
    {
        var files = diagnostics.GroupBy(diagnostic => diagnostic.Source).ToList();
        var fingerprints = new Dictionary<int, LineFingerprint>[files.Count];
        Parallel.For(0, files.Count, file =>
            fingerprints[file] = LineHash.Fingerprints(LineHash.Hashes(files[file].Key.Text), files[file].Select(diagnostic => diagnostic.Start.Line)));
        return files.Select((file, index) => (file.Key, fingerprints[index])).ToDictionary(pair => pair.Key, pair => pair.Item2);
    }

    private SarifResult Result(LintDiagnostic diagnostic, int ruleIndex, Dictionary<int, LineFingerprint> fingerprints, Dictionary<string, SarifArtifactLocation> artifacts)
    {
        if (!artifacts.TryGetValue(diagnostic.Source.Path, out var artifact))
        {
            artifact = Artifact(diagnostic.Source.Path);
            artifacts[diagnostic.Source.Path] = artifact;
        }

        var region = Region(diagnostic.Source, diagnostic.Span);

        var fixes = diagnostic.Fix is { } fix
            ? new[]
            {
                new SarifFix(
                    new SarifMessage(fix.Title),
                    [new SarifArtifactChange(artifact, [.. fix.Edits.Select(edit => new SarifReplacement(Region(diagnostic.Source, edit.Span), new SarifInsertedContent(edit.NewText)))])]),
            }
            : null;
        return new SarifResult(
            diagnostic.Rule.Id,
            ruleIndex,
            Level(diagnostic.Severity),
            new SarifMessage(diagnostic.Message),
            [new SarifLocation(new SarifPhysicalLocation(artifact, region))],
            new Dictionary<string, string> { ["primaryLocationLineHash"] = fingerprints[region.StartLine].ToString() },
            fixes);
    }

    private SarifNotification Notification(PathProblem problem) => new(
        "error",
        new SarifMessage($"{options.DisplayPath(problem.Path)}: {problem.Message}"),
        [new SarifLocation(new SarifPhysicalLocation(Artifact(problem.Path), null))]);

    /// <summary>A path relative to the working directory under %SRCROOT%, or an absolute file URI for paths outside it.</summary>
    private SarifArtifactLocation Artifact(string path)
    {
        var fullPath = Path.GetFullPath(path, options.WorkingDirectory);
        var relative = Path.GetRelativePath(options.WorkingDirectory, fullPath).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative))
        {
            return new SarifArtifactLocation(new Uri(fullPath).AbsoluteUri);
        }

        return new SarifArtifactLocation(string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)), SourceRoot);
    }

    private static SarifRegion Region(SourceText source, TextSpan span)
    {
        var (start, end) = (source.GetPosition(span.Start), source.GetPosition(span.End));
        return new SarifRegion(start.Line, start.Column, end.Line, end.Column);
    }

    private static string DirectoryUri(string directory) =>
        new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar).AbsoluteUri;

    private static string Level(Severity severity) => SeverityNames.Name(severity);

    private static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Error => "8.0",
        Severity.Warning => "5.0",
        _ => "2.0",
    };

    /// <summary>GitHub accepts at most 1024 characters in a description.</summary>
    private static string Limit(string text) => text.Length <= 1024 ? text : string.Concat(text.AsSpan(0, 1021), "...");
}
