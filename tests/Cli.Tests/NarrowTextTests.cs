using System.Text;
using AlloyLint.Cli.Reporting;
using AlloyLint.Cli.Reporting.Json;
using AlloyLint.Cli.Reporting.Sarif;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using Xunit;

namespace AlloyLint.Cli.Tests;

/// <summary>
/// A file of Latin-1 characters (ASCII and the accented letters of Western European languages) is kept a byte per
/// character, half the memory of its UTF-16 string, which in a large lint is alive to the end beside the tree and the
/// model. Nothing a lint does may make that string: a single call would bring the memory back without failing
/// anything else.
/// </summary>
public class NarrowTextTests
{
    /// <summary>
    /// A file large enough to be parsed in segments and checked for formatting in parts, with findings of every kind
    /// of rule on many lines: a file-wide suppression, unused ones, secrets, deprecated calls, undefined references,
    /// self-monitoring settings with fixes, and a formatting difference at the start.
    /// </summary>
    private static string LargeConfig()
    {
        var text = new StringBuilder("// alloylint-disable-file AL999 -- déjà vu\nlogging {\n  level  = \"debug\"\n}\n\n");
        for (var i = 0; text.Length < 1_200_000; i++)
        {
            text.Append($$"""
                // alloylint-disable-next-line AL401 -- placeholder
                prometheus.scrape "s{{i}}" {
                	targets         = [{"__address__" = "localhost:{{i}}"}]
                	forward_to      = [prometheus.remote_write.missing_{{i}}.receiver]
                	scrape_interval = "10s"
                }

                loki.write "w{{i}}" {
                	endpoint {
                		url = "http://loki:3100/loki/api/v1/push"

                		basic_auth {
                			username = "user"
                			password = "hunter2-{{i}}"
                		}
                	}
                	external_labels = {cluster = env("CLUSTER"), id = "{{i}}"}
                }

                """).Append('\n');
        }

        return text.ToString();
    }

    [Fact]
    public void A_lint_and_every_report_read_a_latin1_file_without_making_its_string()
    {
        var source = SourceText.Decode(Encoding.UTF8.GetBytes(LargeConfig()), "large/config.alloy");
        var findings = new Linter(new LintSettings { Select = ["ALL"] }).Lint([source], new InMemoryWorkspace());
        var report = new LintReport(findings, [], 1, [.. RuleRegistry.All.Select(rule => rule.Metadata)]);
        var options = new ReportOptions("/work");
        IReporter[] reporters =
        [
            new TextReporter(options), new ConciseReporter(options), new JsonReporter(options), new GitHubReporter(options),
            new GitLabReporter(options), new JUnitReporter(options), new SarifReporter(options, _ => null),
        ];
        foreach (var reporter in reporters)
        {
            reporter.Write(report, TextWriter.Null);
        }

        Assert.Contains(findings, finding => finding.Rule.Id == "AL402");
        Assert.True(findings.Select(finding => finding.Rule.Id).Distinct().Count() >= 5, string.Join(", ", findings.Select(finding => finding.Rule.Id).Distinct()));
        Assert.False(source.HasString);
    }
}
