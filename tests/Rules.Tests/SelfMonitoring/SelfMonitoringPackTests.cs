using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Rules.Tests.SelfMonitoring;

/// <summary>
/// The self-monitoring pack (AL201-AL213) as a whole, on the configuration the team starts from: the fixes add every
/// missing piece in the formatter's style, keep every comment, and leave nothing for the pack to report.
/// </summary>
public sealed class SelfMonitoringPackTests
{
    private const string Folder = "tests/Rules.Tests/SelfMonitoring";
    private static readonly Linter Pack = new(new LintSettings { Select = ["AL2"] });

    [Fact]
    public void ReportsEveryMissingPieceOfTheRealisticConfig()
    {
        var (source, workspace) = Load("realistic.before.alloy");

        var findings = Pack.Lint(source, workspace);

        Golden.Verify(Report(findings), $"{Folder}/realistic.findings.verified.txt");
        Assert.Equal(["AL201", "AL205", "AL210"], findings.Select(finding => finding.Rule.Id));
    }

    [Fact]
    public void FixingWithUnsafeFixesGivesAConfigThatParsesKeepsEveryCommentAndPassesThePack()
    {
        var (source, workspace) = Load("realistic.before.alloy");

        var result = new FixApplier(Pack).Apply(source, workspace, includeUnsafe: true);

        Golden.Verify(result.NewText, $"{Folder}/realistic.fixed.verified.alloy");
        var fixedTree = AlloyParser.Parse(result.NewSource);
        Assert.False(fixedTree.HasErrors, string.Join("\n", fixedTree.Diagnostics));
        Assert.Equal(AlloyFormatter.Format(AlloyParser.Parse(source)), source.Text);
        Assert.Equal(AlloyFormatter.Format(fixedTree), result.NewText);
        var before = AlloyParser.Parse(source).Comments.Select(comment => comment.Text).ToList();
        var after = fixedTree.Comments.Select(comment => comment.Text).ToList();
        Assert.Equal(before, after.Where(before.Contains).ToList());
        Assert.Equal(before.Count, after.Count);
        Assert.Empty(result.Remaining);
        workspace.Add(source.Path, result.NewText);
        Assert.Empty(Pack.Lint(result.NewSource, workspace));
        Assert.False(new FixApplier(Pack).Apply(result.NewSource, workspace, includeUnsafe: true).Changed);
    }

    [Fact]
    public void SafeFixesAloneLeaveOnlyTheUnsafeDecisions()
    {
        var (source, workspace) = Load("realistic.before.alloy");

        var result = new FixApplier(Pack).Apply(source, workspace);

        Assert.False(AlloyParser.Parse(result.NewSource).HasErrors);
        Assert.Equal(["AL207"], result.Remaining.Select(finding => finding.Rule.Id).Distinct());
        Assert.All(result.Applied, fix => Assert.Equal(Applicability.Safe, fix.Applicability));
    }

    [Fact]
    public void APolicyMetInOtherSpellingsHasNoFindings()
    {
        var (source, workspace) = Load("other-spellings.alloy");

        Assert.Empty(Pack.Lint(source, workspace).Select(RuleFixtureConcise));
    }

    [Fact]
    public void FixesKeepCrlfLineEndingsAndSpaceIndentation()
    {
        const string text = "otelcol.exporter.otlphttp \"cloud\" {\r\n  client {\r\n    endpoint = sys.env(\"OTLP\")\r\n  }\r\n}\r\n\r\nlogging {\r\n  level = \"info\"\r\n}\r\n";
        var source = SourceText.From(text, "crlf.alloy");
        var workspace = new InMemoryWorkspace().Add(source.Path, text);

        var result = new FixApplier(Pack).Apply(source, workspace, includeUnsafe: true);

        Assert.DoesNotContain('\n', result.NewText.Replace("\r\n", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain('\t', result.NewText);
        Assert.Contains("\r\n  rule {\r\n    target_label = \"job\"", result.NewText, StringComparison.Ordinal);
        Assert.False(AlloyParser.Parse(result.NewSource).HasErrors);
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void ComposeFileInTheFolderAboveNamesTheMissingVariables()
    {
        const string config = """
            logging {
            	write_to = [loki.write.grafana_cloud_loki.receiver]
            }

            loki.write "grafana_cloud_loki" {
            	endpoint {
            		url = sys.env("GRAFANA_CLOUD_LOKI_ENDPOINT")
            	}
            	external_labels = {service_name = "alloy"}
            }
            """;
        const string compose = """
            services:
              alloy:
                image: grafana/alloy:v1.18.1
                environment:
                  - GRAFANA_CLOUD_API_KEY
            """;
        var workspace = new InMemoryWorkspace()
            .Add("stack/grafana-alloy/config.alloy", config)
            .Add("stack/docker-compose.base.yml", compose);

        var findings = new Linter(new LintSettings { Select = ["AL213"] }).Lint(workspace.ReadAlloyFile("stack/grafana-alloy/config.alloy")!, workspace);

        var finding = Assert.Single(findings);
        Assert.Equal(
            "sys.env(\"GRAFANA_CLOUD_LOKI_ENDPOINT\") is not provided to service \"alloy\" in ../docker-compose.base.yml; "
            + "expected GRAFANA_CLOUD_LOKI_ENDPOINT in the service's environment: or env_file:",
            finding.Message);
        Assert.Equal(7, finding.Start.Line);
    }

    [Fact]
    public void NoMessageShowsALiteralSecret()
    {
        const string secret = "glc_eyJvIjoiMTIzNDU2In0=";
        var text = $$"""
            logging {
            	write_to = [loki.write.cloud.receiver]
            }

            loki.write "cloud" {
            	endpoint {
            		url          = "https://logs-prod-012.grafana.net/loki/api/v1/push"
            		bearer_token = "{{secret}}"

            		basic_auth {
            			username = "123456"
            			password = "{{secret}}"
            		}
            	}
            }
            """;
        var source = SourceText.From(text, "secret.alloy");
        var workspace = new InMemoryWorkspace().Add(source.Path, text);

        var findings = Pack.Lint(source, workspace);
        var result = new FixApplier(Pack).Apply(source, workspace, includeUnsafe: true);

        Assert.Contains(findings, finding => finding.Rule.Id == "AL208");
        Assert.All(findings, finding => Assert.DoesNotContain(secret, finding.Message + finding.Fix?.Title, StringComparison.Ordinal));
        Assert.All(findings, finding => Assert.DoesNotContain("123456", finding.Message + finding.Fix?.Title, StringComparison.Ordinal));
        Assert.DoesNotContain(secret, result.NewText, StringComparison.Ordinal);
    }

    private static string RuleFixtureConcise(LintDiagnostic finding) => Support.RuleFixture.Concise(finding);

    private static string Report(IEnumerable<LintDiagnostic> findings) =>
        string.Concat(findings.Select(finding => RuleFixtureConcise(finding) + "\n"
            + (finding.Fix is { } fix ? $"  fix ({fix.Applicability.ToString().ToLowerInvariant()}): {fix.Title}\n" : string.Empty)));

    private static (SourceText Source, InMemoryWorkspace Workspace) Load(string name)
    {
        var text = File.ReadAllText(Path.Combine(SharedData.RepoRoot, Folder, name));
        var workspace = new InMemoryWorkspace().Add(name, text);
        return (workspace.ReadAlloyFile(name)!, workspace);
    }
}
