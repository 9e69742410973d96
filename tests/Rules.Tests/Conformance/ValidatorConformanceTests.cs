using System.Text;
using System.Text.RegularExpressions;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Rules.Tests.Conformance;

/// <summary>
/// Upstream's <c>alloy validate</c> fixtures (internal/validator/testdata): the files of each .txtar form one
/// configuration (mode directory); every diagnostic of its .diags must be found at the same file, line and
/// column, by the rule that README.md maps its message to, with a message naming the same things.
/// </summary>
public sealed partial class ValidatorConformanceTests
{
    private const string Folder = "upstream/internal/validator/testdata";

    /// <summary>Upstream message patterns, the rules that report the same finding, and what our message must name.</summary>
    private static readonly (Regex Pattern, string[] Rules, Func<Match, string[]> Terms)[] Mapping =
    [
        (new(@"^cannot find the definition of component name ""(.+)""$"), ["AL103"], m => [m.Groups[1].Value]),
        (new(@"^component ""(.+)"" must have a label$"), ["AL115"], m => [m.Groups[1].Value, "label"]),
        (new(@"^(\S+) block must have a label$"), ["AL115"], m => [m.Groups[1].Value, "label"]),
        (new(@"^block (\S+) already declared at (\S+)$"), ["AL102", "AL112"], m => ["already declared at", m.Groups[2].Value]),
        (new(@"^unrecognized attribute name ""(.+)""$"), ["AL104"], m => [$"\"{m.Groups[1].Value}\""]),
        (new(@"^missing required attribute ""(.+)""$"), ["AL105"], m => [$"missing required argument \"{m.Groups[1].Value}\""]),
        (new(@"^missing required block ""(.+)""$"), ["AL105"], m => [$"missing required block \"{m.Groups[1].Value}\""]),
        (new(@"^(\S+) not allowed in module$"), ["AL116"], m => [m.Groups[1].Value, "not allowed in a declare body"]),
        (new(@"^(\S+) not allowed in foreach$"), ["AL116"], m => [m.Groups[1].Value, "not allowed in a foreach template"]),
        (new(@"^(argument|export) blocks only allowed inside a module$"), ["AL116"], m => [m.Groups[1].Value, "only allowed inside a module"]),
        (new(@"^component ""(.+)"" does not exist or is out of scope$"), ["AL101"], m => [$"\"{m.Groups[1].Value}\""]),
        (new(@"^cycle detected: (.+)$"), ["AL108"], m => ["cycle", .. m.Groups[1].Value.Split(", ")]),
        (new(@"^cannot reference self$"), ["AL108"], _ => ["references itself"]),
        (new(@"^expected (\S+), got (\S+)$"), ["AL106"], m => [$"got {m.Groups[2].Value}"]),
        (new(@"^target::ConvertFrom: conversion from '\w*int\w*' is not supported$"), ["AL106"], _ => ["got number"]),
        (new(@"^unknown action (\S+)$"), ["AL106"], m => [$"invalid value \"{m.Groups[1].Value}\""]),
        (new(@"^a component is shadowing an existing stdlib name$"), ["AL117"], _ => ["shadows the standard library"]),
        (new(@"^this stdlib function is deprecated"), ["AL401", "AL403"], _ => ["deprecated"]),
        (new(@"^(\S+)(?: block ""\S+"")? is at stability level ""(\S+)"", which is below the minimum allowed stability level ""(\S+)"""), ["AL113"],
            m => [m.Groups[1].Value, $"\"{m.Groups[2].Value}\"", $"\"{m.Groups[3].Value}\""]),
    ];

    public static TheoryData<string> Archives()
    {
        var data = new TheoryData<string>();
        foreach (var name in new[]
        {
            "default/cycle", "default/duplicates", "default/invalid_declare", "default/invalid_foreach", "default/invalid_properties",
            "default/invalid_refs", "default/invalid_types", "default/missing", "default/mixed", "default/stdlib",
            "default/syntax_errors", "default/valid", "ga/non_ga",
        })
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Every_archive_is_listed()
    {
        var root = SharedData.ConformancePath(Folder);
        var found = Directory.GetFiles(root, "*.txtar", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/')[..^".txtar".Length])
            .Order(StringComparer.Ordinal);
        Assert.Equal(Archives().Select(row => row.Data).Order(StringComparer.Ordinal), found);
    }

    [Theory]
    [MemberData(nameof(Archives))]
    public void Upstream_diagnostics_are_found(string archive)
    {
        var root = SharedData.ConformancePath(Folder);
        var findings = Lint(archive, ReadTxtar(Path.Combine(root, archive + ".txtar")));
        var expected = ReadDiags(Path.Combine(root, archive + ".diags"));
        var problems = new StringBuilder();
        foreach (var (file, line, column, message) in expected)
        {
            var (pattern, rules, terms) = Mapping.FirstOrDefault(entry => entry.Pattern.IsMatch(message));
            string[] required;
            if (pattern is null)
            {
                // Syntax errors: the parser reproduces upstream's wording exactly.
                rules = ["AL001"];
                required = [message];
            }
            else
            {
                required = terms(pattern.Match(message));
            }

            var candidates = findings.Where(finding =>
                Path.GetFileName(finding.Source.Path) == file && finding.Start.Line == line && finding.Start.Column == column).ToList();
            var matched = candidates.Any(finding =>
                (rules.Contains(finding.Rule.Id) && required.All(term => finding.Message.Contains(term, StringComparison.Ordinal)))
                || (finding.Rule.Id == "AL001" && finding.Message == message));
            if (!matched)
            {
                problems.AppendLine($"not found: {file}:{line}:{column}: {message} (expected {string.Join("/", rules)} naming {string.Join(", ", required.Select(t => $"'{t}'"))})");
                foreach (var near in findings.Where(finding => Path.GetFileName(finding.Source.Path) == file && finding.Start.Line == line))
                {
                    problems.AppendLine($"    we report {near.Start}: {near.Message} [{near.Rule.Id}]");
                }
            }
        }

        if (problems.Length > 0)
        {
            problems.AppendLine("all findings:");
            foreach (var finding in findings)
            {
                problems.AppendLine($"    {Path.GetFileName(finding.Source.Path)}:{finding.Start}: {finding.Message} [{finding.Rule.Id}]");
            }
        }

        Assert.True(problems.Length == 0, problems.ToString());
    }

    /// <summary>
    /// valid.txtar passes upstream's validator: none of our rules that check what Alloy checks reports anything.
    /// Two components in it are never used (AL109, a warning about dead configuration Alloy does not check): exactly those.
    /// </summary>
    [Fact]
    public void Valid_archive_has_no_correctness_findings()
    {
        var root = SharedData.ConformancePath(Folder);
        var reported = Lint("default/valid", ReadTxtar(Path.Combine(root, "default/valid.txtar")))
            .Where(finding => finding.Rule.Id.StartsWith("AL0", StringComparison.Ordinal) || finding.Rule.Id.StartsWith("AL1", StringComparison.Ordinal))
            .Select(finding => $"{finding.Start} {finding.Rule.Id}");
        Assert.Equal(["163:5 AL109", "233:1 AL109"], reported);
    }

    private static IReadOnlyList<LintDiagnostic> Lint(string archive, IReadOnlyList<(string Name, string Text)> files)
    {
        // default/ runs with --stability.level experimental, ga/ with generally-available.
        var level = archive.StartsWith("ga/", StringComparison.Ordinal) ? "generally-available" : "experimental";
        var settings = new LintSettings
        {
            Mode = ConfigurationMode.Directory,
            RuleOptions = new Dictionary<string, IReadOnlyDictionary<string, RuleOptionValue>>
            {
                ["AL113"] = new Dictionary<string, RuleOptionValue> { ["level"] = RuleOptionValue.Of(level) },
            },
        };
        var workspace = new InMemoryWorkspace();
        var folder = Path.Combine("validator", archive);
        var sources = new List<SourceText>();
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(folder, name);
            workspace.Add(path, text);
            sources.Add(workspace.ReadAlloyFile(path)!);
        }

        return new Linter(settings).Lint(sources, workspace);
    }

    /// <summary>Go's txtar: a comment, then files each introduced by a line <c>-- name --</c>.</summary>
    private static List<(string Name, string Text)> ReadTxtar(string path)
    {
        var files = new List<(string, string)>();
        string? current = null;
        var text = new StringBuilder();
        foreach (var line in File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (TxtarMarker().Match(line) is { Success: true } marker)
            {
                if (current is not null)
                {
                    files.Add((current, text.ToString()));
                }

                current = marker.Groups[1].Value;
                text.Clear();
            }
            else if (current is not null)
            {
                text.Append(line).Append('\n');
            }
        }

        if (current is not null)
        {
            // The split leaves one empty piece after the final newline.
            files.Add((current, text.ToString()[..^1]));
        }

        return files;
    }

    private static List<(string File, int Line, int Column, string Message)> ReadDiags(string path) =>
        File.ReadAllLines(path)
            .Select(line => DiagHeader().Match(line))
            .Where(match => match.Success)
            .Select(match => (match.Groups[1].Value, int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value), match.Groups[4].Value))
            .ToList();

    [GeneratedRegex(@"^-- (.+) --$")]
    private static partial Regex TxtarMarker();

    [GeneratedRegex(@"^(?:Error|Warning): ([^:]+):(\d+):(\d+): (.*)$")]
    private static partial Regex DiagHeader();
}
