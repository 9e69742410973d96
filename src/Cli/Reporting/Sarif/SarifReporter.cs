using System.Text.Json;
using AlloyLint.Cli.Discovery;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;

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
        // The log is written by hand around the serialized rules and invocation, so that the results go straight from
        // the findings to the output: an object per result would add to the peak memory of a large run.
        using (var json = JsonOutput.Writer(output))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, report.Rules);
            json.WriteStartObject("originalUriBaseIds");
            WriteArtifactLocation(json, SourceRoot, new SarifArtifactLocation(DirectoryUri(options.WorkingDirectory)));
            json.WriteEndObject();
            WriteInvocations(json, report.Problems);
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            WriteResults(json, report);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine();
    }

    private void WriteTool(Utf8JsonWriter json, IReadOnlyList<RuleMetadata> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ProductInfo.Name);
        json.WriteString("version", ProductInfo.Version);
        json.WriteString("semanticVersion", ProductInfo.Version);
        json.WriteString("informationUri", ProductInfo.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            JsonSerializer.Serialize(json, Descriptor(rule), SarifJsonContext.Readable.SarifReportingDescriptor);
            JsonOutput.FlushIfFull(json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteInvocations(Utf8JsonWriter json, IReadOnlyList<PathProblem> problems)
    {
        var notifications = problems.Select(Notification).ToList();
        var invocation = new SarifInvocation(
            problems.Count == 0,
            new SarifArtifactLocation(DirectoryUri(options.WorkingDirectory)),
            notifications.Count == 0 ? null : notifications);
        json.WriteStartArray("invocations");
        JsonSerializer.Serialize(json, invocation, SarifJsonContext.Readable.SarifInvocation);
        json.WriteEndArray();
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
        var linesByFile = new Dictionary<SourceText, List<int>>();
        foreach (var diagnostic in diagnostics)
        {
            if (!linesByFile.TryGetValue(diagnostic.Source, out var lines))
            {
                linesByFile[diagnostic.Source] = lines = [];
            }

            lines.Add(diagnostic.Start.Line);
        }

        var files = linesByFile.ToArray();
        var fingerprints = new Dictionary<int, LineFingerprint>[files.Length];
        Parallel.For(0, files.Length, file => fingerprints[file] = LineHash.Fingerprints(files[file].Key, files[file].Value));
        return files.Select((file, index) => (file.Key, fingerprints[index])).ToDictionary(pair => pair.Key, pair => pair.Item2);
    }

    private void WriteResults(Utf8JsonWriter json, LintReport report)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < report.Rules.Count; i++)
        {
            ruleIndex[report.Rules[i].Id] = i;
        }

        var fingerprints = Fingerprints(report.Diagnostics);
        var artifacts = new Dictionary<string, SarifArtifactLocation>(StringComparer.Ordinal);
        Span<char> lineHash = stackalloc char[LineFingerprint.MaxLength];
        foreach (var diagnostic in report.Diagnostics)
        {
            var source = diagnostic.Source;
            if (!artifacts.TryGetValue(source.Path, out var artifact))
            {
                artifacts[source.Path] = artifact = Artifact(source.Path);
            }

            json.WriteStartObject();
            json.WriteString("ruleId", diagnostic.Rule.Id);
            json.WriteNumber("ruleIndex", ruleIndex[diagnostic.Rule.Id]);
            json.WriteString("level", Level(diagnostic.Severity));
            WriteText(json, "message", diagnostic.Message);
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            WriteArtifactLocation(json, "artifactLocation", artifact);
            WriteRegion(json, "region", source, diagnostic.Span);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("partialFingerprints");
            fingerprints[source][diagnostic.Start.Line].TryFormat(lineHash, out var lineHashLength);
            json.WriteString("primaryLocationLineHash", lineHash[..lineHashLength]);
            json.WriteEndObject();
            if (diagnostic.Fix is { } fix)
            {
                WriteFix(json, fix, source, artifact);
            }

            json.WriteEndObject();
            JsonOutput.FlushIfFull(json);
        }
    }

    private static void WriteFix(Utf8JsonWriter json, Fix fix, SourceText source, SarifArtifactLocation artifact)
    {
        json.WriteStartArray("fixes");
        json.WriteStartObject();
        WriteText(json, "description", fix.Title);
        json.WriteStartArray("artifactChanges");
        json.WriteStartObject();
        WriteArtifactLocation(json, "artifactLocation", artifact);
        json.WriteStartArray("replacements");
        foreach (var edit in fix.Edits)
        {
            json.WriteStartObject();
            WriteRegion(json, "deletedRegion", source, edit.Span);
            WriteText(json, "insertedContent", edit.NewText);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>A message or an artifact content: an object with just <c>text</c>.</summary>
    private static void WriteText(Utf8JsonWriter json, string propertyName, string text)
    {
        json.WriteStartObject(propertyName);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static void WriteArtifactLocation(Utf8JsonWriter json, string propertyName, SarifArtifactLocation artifact)
    {
        json.WriteStartObject(propertyName);
        json.WriteString("uri", artifact.Uri);
        if (artifact.UriBaseId is not null)
        {
            json.WriteString("uriBaseId", artifact.UriBaseId);
        }

        json.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter json, string propertyName, SourceText source, TextSpan span)
    {
        var (start, end) = (source.GetPosition(span.Start), source.GetPosition(span.End));
        json.WriteStartObject(propertyName);
        json.WriteNumber("startLine", start.Line);
        json.WriteNumber("startColumn", start.Column);
        json.WriteNumber("endLine", end.Line);
        json.WriteNumber("endColumn", end.Column);
        json.WriteEndObject();
    }

    private SarifNotification Notification(PathProblem problem) => new(
        "error",
        new SarifMessage($"{options.DisplayPath(problem.Path)}: {problem.Message}"),
        [new SarifLocation(new SarifPhysicalLocation(Artifact(problem.Path)))]);

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
