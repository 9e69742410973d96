using System.Text;
using System.Text.Json;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Rules.Tests.Support;

/// <summary>
/// One fixture case of one rule: <c>Fixtures/ALnnn/case.alloy</c>, or a folder <c>Fixtures/ALnnn/case/</c> of files
/// linted together (see README.md in this project for the whole convention).
/// </summary>
public sealed class RuleFixture
{
    public const string FixturesFolder = "tests/Rules.Tests/Fixtures";

    private RuleFixture(string ruleId, string caseName, string ruleFolder, bool isFolder)
    {
        RuleId = ruleId;
        CaseName = caseName;
        RuleFolder = ruleFolder;
        IsFolder = isFolder;
    }

    public string RuleId { get; }

    public string CaseName { get; }

    public string RuleFolder { get; }

    public bool IsFolder { get; }

    public static string FixturesRoot => Path.Combine(SharedData.RepoRoot, FixturesFolder);

    /// <summary>Every case of every rule folder, as (rule ID, case name).</summary>
    public static IEnumerable<(string RuleId, string CaseName)> All()
    {
        foreach (var ruleFolder in Directory.GetDirectories(FixturesRoot).Order(StringComparer.Ordinal))
        {
            foreach (var name in CaseNames(ruleFolder))
            {
                yield return (Path.GetFileName(ruleFolder), name);
            }
        }
    }

    public static IEnumerable<string> CaseNames(string ruleFolder)
    {
        var files = Directory.GetFiles(ruleFolder, "*.alloy")
            .Select(Path.GetFileName)
            .Where(name => !name!.Contains(".verified.", StringComparison.Ordinal) && !name.Contains(".received.", StringComparison.Ordinal))
            .Select(name => Path.GetFileNameWithoutExtension(name)!);
        var folders = Directory.GetDirectories(ruleFolder).Select(Path.GetFileName).Select(name => name!);
        return files.Concat(folders).Order(StringComparer.Ordinal);
    }

    public static RuleFixture Load(string ruleId, string caseName)
    {
        var ruleFolder = Path.Combine(FixturesRoot, ruleId);
        return new RuleFixture(ruleId, caseName, ruleFolder, Directory.Exists(Path.Combine(ruleFolder, caseName)));
    }

    /// <summary>Lints, compares the findings, applies every fix, compares the fixed files and checks idempotence.</summary>
    public void Verify()
    {
        var rule = RuleRegistry.Find(RuleId) ?? throw new InvalidOperationException($"Fixtures/{RuleId} has no rule in RuleRegistry.All");
        var settings = LoadSettings(rule);
        var linter = new Linter(settings);
        var workspace = new InMemoryWorkspace();
        var requested = new List<string>();
        foreach (var (path, text) in InputFiles())
        {
            workspace.Add(path, text);
            if (path.EndsWith(".alloy", StringComparison.Ordinal))
            {
                requested.Add(path);
            }
        }

        Assert.NotEmpty(requested);
        var sources = requested.Select(path => workspace.ReadAlloyFile(path)!).ToList();
        var report = new StringBuilder();
        Append(report, linter.Lint(sources, workspace), withFixes: true);

        var applier = new FixApplier(linter);
        var anyChanged = false;
        var remaining = new List<LintDiagnostic>();
        foreach (var path in requested)
        {
            var result = applier.Apply(workspace.ReadAlloyFile(path)!, workspace, includeUnsafe: true);
            var golden = FixedGoldenPath(path);
            if (result.Changed)
            {
                anyChanged = true;
                Golden.Verify(result.NewText, golden);
                workspace.Add(path, result.NewText);
                var again = applier.Apply(result.NewSource, workspace, includeUnsafe: true);
                Assert.True(!again.Changed, $"{path}: fixing the fixed output changed it again (not idempotent):\n{again.NewText}");
            }
            else
            {
                Assert.False(File.Exists(Path.Combine(SharedData.RepoRoot, golden)), $"{golden} exists but no fix changes {path}: delete it");
            }
        }

        if (anyChanged)
        {
            remaining.AddRange(linter.Lint(requested.Select(path => workspace.ReadAlloyFile(path)!).ToList(), workspace));
            report.Append("\nafter fixes (safe and unsafe):\n");
            if (remaining.Count == 0)
            {
                report.Append("clean\n");
            }

            Append(report, remaining, withFixes: false);
        }

        Golden.Verify(report.ToString(), Path.Combine(FixturesFolder, RuleId, CaseName + ".verified.txt"));
    }

    /// <summary>The concise line of a finding, as editors read it: <c>path:line:col: severity: message [ID]</c>.</summary>
    public static string Concise(LintDiagnostic finding) =>
        $"{finding.Source.Path}:{finding.Start.Line}:{finding.Start.Column}: {finding.Severity.ToString().ToLowerInvariant()}: {finding.Message} [{finding.Rule.Id}]";

    private static void Append(StringBuilder report, IEnumerable<LintDiagnostic> findings, bool withFixes)
    {
        foreach (var finding in findings)
        {
            report.Append(Concise(finding)).Append('\n');
            if (withFixes && finding.Fix is { } fix)
            {
                report.Append($"  fix ({fix.Applicability.ToString().ToLowerInvariant()}): {fix.Title}\n");
            }
        }
    }

    /// <summary>The case's files as (display path, text): paths are relative to the rule's fixture folder.</summary>
    private IEnumerable<(string Path, string Text)> InputFiles()
    {
        if (!IsFolder)
        {
            yield return (CaseName + ".alloy", File.ReadAllText(Path.Combine(RuleFolder, CaseName + ".alloy")));
            yield break;
        }

        foreach (var file in Directory.GetFiles(Path.Combine(RuleFolder, CaseName)).Order(StringComparer.Ordinal))
        {
            yield return ($"{CaseName}/{Path.GetFileName(file)}", File.ReadAllText(file));
        }
    }

    private string FixedGoldenPath(string displayPath)
    {
        var stem = IsFolder
            ? $"{CaseName}.{Path.GetFileNameWithoutExtension(displayPath)}"
            : CaseName;
        return Path.Combine(FixturesFolder, RuleId, stem + ".fixed.verified.alloy");
    }

    /// <summary>
    /// The settings: the fixture's rule selected (syntax errors are always reported), plus what <c>case.settings.json</c> adds:
    /// <c>{ "options": { "interval": "30s" }, "mode": "directory", "select": ["AL201"] }</c> (all optional).
    /// </summary>
    private LintSettings LoadSettings(Rule rule)
    {
        var select = new List<string> { rule.Metadata.Id };
        var mode = ConfigurationMode.Auto;
        var options = new Dictionary<string, RuleOptionValue>();
        var settingsPath = Path.Combine(RuleFolder, CaseName + ".settings.json");
        if (File.Exists(settingsPath))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(settingsPath));
            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "options":
                        foreach (var option in property.Value.EnumerateObject())
                        {
                            options[option.Name] = option.Value.ValueKind == JsonValueKind.Array
                                ? RuleOptionValue.List(option.Value.EnumerateArray().Select(item => item.ToString()))
                                : RuleOptionValue.Of(option.Value.ToString());
                        }

                        break;
                    case "mode":
                        mode = Enum.Parse<ConfigurationMode>(property.Value.GetString()!, ignoreCase: true);
                        break;
                    case "select":
                        select.AddRange(property.Value.EnumerateArray().Select(item => item.GetString()!));
                        break;
                    default:
                        throw new InvalidOperationException($"{settingsPath}: unknown key '{property.Name}' (expected options, mode, select)");
                }
            }
        }

        var settings = new LintSettings
        {
            Select = select,
            Mode = mode,
            RuleOptions = new Dictionary<string, IReadOnlyDictionary<string, RuleOptionValue>> { [rule.Metadata.Id] = options },
        };
        var errors = settings.Validate(RuleRegistry.All);
        Assert.True(errors.Count == 0, $"{settingsPath}: {string.Join("; ", errors)}");
        return settings;
    }
}
