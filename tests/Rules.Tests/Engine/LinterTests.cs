using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;
using AlloyLint.Rules.Suppression;
using AlloyLint.Rules.Syntax;
using AlloyLint.Rules.Tests.Support;
using Xunit;

namespace AlloyLint.Rules.Tests.Engine;

public sealed class LinterTests
{
    private static readonly Rule[] Rules = [new AL001SyntaxError(), new TestRules.EveryComponent(), new TestRules.DebugLevel(), new AL901UnusedSuppression()];

    private static List<string> Lint(InMemoryWorkspace workspace, LintSettings? settings = null, params string[] requested) =>
        new Linter(settings ?? LintSettings.Default, Rules)
            .Lint(requested.Select(path => workspace.ReadAlloyFile(path)!).ToList(), workspace)
            .Select(RuleFixture.Concise)
            .ToList();

    [Fact]
    public void Reports_only_requested_files_sorted_by_path_position_and_rule()
    {
        var workspace = new InMemoryWorkspace()
            .Add("cfg/b.alloy", "prometheus.scrape \"b\" {\n\ttargets    = []\n\tforward_to = [prometheus.remote_write.a.receiver]\n}\n")
            .Add("cfg/a.alloy", "prometheus.remote_write \"a\" { }\nlogging {\n\tlevel = \"debug\"\n}\n");
        Assert.Equal(
            [
                "cfg/a.alloy:1:1: note: component prometheus.remote_write \"a\" [AL990]",
                "cfg/a.alloy:3:10: warning: debug logging [AL991]",
                "cfg/b.alloy:1:1: note: component prometheus.scrape \"b\" [AL990]",
            ],
            Lint(workspace, null, "cfg/b.alloy", "cfg/a.alloy"));
        Assert.Equal(["cfg/b.alloy:1:1: note: component prometheus.scrape \"b\" [AL990]"], Lint(workspace, null, "cfg/b.alloy"));
    }

    [Fact]
    public void Report_order_is_path_ordinal_then_start_then_rule_and_keeps_one_rules_order_at_one_place()
    {
        RuleMetadata Rule(string id) => new(id, id.ToLowerInvariant(), RuleCategory.Style, Severity.Warning, "x");
        var upper = SourceText.From("a = 1\nb = 2\n", "B.alloy");
        var lower = SourceText.From("a = 1\nb = 2\n", "a.alloy");
        LintDiagnostic Finding(SourceText source, int start, string id, string message) =>
            new(Rule(id), Severity.Warning, source, new TextSpan(start, 1), message);
        List<LintDiagnostic> findings =
        [
            Finding(lower, 6, "AL002", "second"),
            Finding(lower, 6, "AL001", "x"),
            Finding(lower, 0, "AL003", "x"),
            Finding(upper, 6, "AL001", "x"),
            Finding(lower, 6, "AL002", "reported after 'second'"),
        ];

        var ordered = LintDiagnostic.InReportOrder(findings).Select(f => $"{f.Source.Path}:{f.Span.Start}:{f.Rule.Id}:{f.Message}");

        Assert.Equal(
            [
                "B.alloy:6:AL001:x",
                "a.alloy:0:AL003:x",
                "a.alloy:6:AL001:x",
                "a.alloy:6:AL002:second",
                "a.alloy:6:AL002:reported after 'second'",
            ],
            ordered);
    }

    [Fact]
    public void Sorting_for_the_report_agrees_with_a_stable_sort_by_the_report_order()
    {
        var random = new Random(7);
        var sources = new[] { "b.alloy", "A.alloy", "a.alloy" }.Select(path => SourceText.From("x = 1\n", path)).ToArray();
        var rules = new[] { "AL102", "AL010", "AL101" }.Select(id => new RuleMetadata(id, id, RuleCategory.Style, Severity.Warning, "x")).ToArray();
        var findings = Enumerable.Range(0, 3000)
            .Select(index => new LintDiagnostic(rules[random.Next(3)], Severity.Warning, sources[random.Next(3)], new TextSpan(random.Next(40), 1), $"#{index}"))
            .ToList();

        Assert.Equal(findings.Order(LintDiagnostic.ReportOrder), LintDiagnostic.InReportOrder(findings));
    }

    [Fact]
    public void Rules_running_in_parallel_report_exactly_what_they_report_one_after_another()
    {
        // Every rule's bad fixture (syntax errors aside) as one configuration, so that all rules find something.
        var workspace = new InMemoryWorkspace();
        foreach (var fixture in Directory.GetFiles(RuleFixture.FixturesRoot, "bad.alloy", SearchOption.AllDirectories))
        {
            var rule = Path.GetFileName(Path.GetDirectoryName(fixture))!;
            if (rule != "AL001")
            {
                workspace.Add($"cfg/{rule}.alloy", File.ReadAllText(fixture));
            }
        }

        var settings = new LintSettings { Select = ["ALL"], Mode = ConfigurationMode.Directory };
        var requested = workspace.AlloyFilesInDirectory("cfg").Select(path => workspace.ReadAlloyFile(path)!).ToList();
        List<string> LintWith(int threshold) =>
            [.. new Linter(settings) { ParallelRulesThreshold = threshold }.Lint(requested, workspace).Select(RuleFixture.Concise)];

        var sequential = LintWith(int.MaxValue);
        Assert.True(sequential.Count > 50, $"expected findings from most rules, got {sequential.Count}");
        Assert.Equal(sequential, LintWith(0));
    }

    [Fact]
    public void Rules_marked_as_reading_only_syntax_never_build_the_semantic_model()
    {
        var syntaxOnly = RuleRegistry.All.Where(rule => rule.Metadata.ReadsOnlySyntax).ToList();
        Assert.Contains(syntaxOnly, rule => rule.Metadata.Id == "AL402");
        foreach (var rule in syntaxOnly)
        {
            var fixture = Directory.GetFiles(Path.Combine(RuleFixture.FixturesRoot, rule.Metadata.Id), "bad*.alloy").Order().First();
            var tree = AlloyParser.Parse(SourceText.From(File.ReadAllText(fixture), fixture));
            var configuration = new Configuration([tree], [tree]);
            var findings = new List<LintDiagnostic>();
            rule.Check(new LintContext(configuration, rule.Metadata, rule.Metadata.DefaultSeverity, LintSettings.Default.OptionsOf(rule.Metadata), new InMemoryWorkspace(), findings));
            Assert.NotEmpty(findings);
            Assert.False(configuration.HasBuiltModel, $"{rule.Metadata.Id} is marked ReadsOnlySyntax but built the semantic model");
        }
    }

    [Fact]
    public void Applies_selection_and_severity_overrides()
    {
        var workspace = new InMemoryWorkspace().Add("x.alloy", "a \"b\" { }\nlogging {\n\tlevel = \"debug\"\n}\n");
        var settings = new LintSettings { Ignore = ["AL990"], SeverityOverrides = new Dictionary<string, Severity> { ["debug-level"] = Severity.Error } };
        Assert.Equal(["x.alloy:3:10: error: debug logging [AL991]"], Lint(workspace, settings, "x.alloy"));
    }

    [Fact]
    public void Syntax_errors_stop_the_other_rules_for_that_configuration()
    {
        var workspace = new InMemoryWorkspace()
            .Add("cfg/broken.alloy", "a \"b\" {\n\tx = \n}\n")
            .Add("cfg/fine.alloy", "c \"d\" { }\n");
        var findings = Lint(workspace, null, "cfg/broken.alloy", "cfg/fine.alloy");
        Assert.Contains(findings, line => line.StartsWith("cfg/broken.alloy:", StringComparison.Ordinal) && line.EndsWith("[AL001]", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, line => line.StartsWith("cfg/broken.alloy:", StringComparison.Ordinal) && line.EndsWith("[AL990]", StringComparison.Ordinal));
        Assert.Contains("cfg/fine.alloy:1:1: note: component c \"d\" [AL990]", findings);
    }

    [Fact]
    public void Suppression_comments_cover_their_line_the_next_line_or_the_file()
    {
        var workspace = new InMemoryWorkspace().Add("s.alloy", """
            // alloylint-disable-next-line AL990 -- generated
            a "one" { }
            a "two" { } // alloylint-disable-line every-component
            a "three" { }
            logging {
            	level = "debug" /* alloylint-disable-line AL991, AL990 */
            }
            // alloylint-disable-next-line al990
            a "four" { }
            """);
        Assert.Equal(
            [
                "s.alloy:4:1: note: component a \"three\" [AL990]",
                "s.alloy:6:51: warning: unused suppression for AL990: nothing was reported on this line [AL901]",
            ],
            Lint(workspace, null, "s.alloy"));
    }

    [Fact]
    public void Unused_unknown_and_empty_suppressions_are_reported()
    {
        var workspace = new InMemoryWorkspace().Add("u.alloy", """
            // alloylint-disable-file AL991 -- no debug level anywhere
            // alloylint-disable-next-line AL999, AL990
            a "one" { }
            // alloylint-disable-line
            // alloylint-disable-next-line AL001
            a "two" { } // alloylint-disable-line all
            """);
        Assert.Equal(
            [
                "u.alloy:1:27: warning: unused suppression for AL991: nothing was reported in this file [AL901]",
                "u.alloy:2:32: warning: unknown rule 'AL999' in suppression [AL901]",
                "u.alloy:4:1: warning: suppression names no rule; list rule IDs (or 'all') after the keyword [AL901]",
                "u.alloy:5:32: warning: unused suppression for AL001: nothing was reported on the next line [AL901]",
            ],
            Lint(workspace, null, "u.alloy"));
    }

    [Fact]
    public void A_used_suppression_does_not_count_as_used_for_the_same_code_at_the_same_place_in_another_file()
    {
        var workspace = new InMemoryWorkspace()
            .Add("cfg/a.alloy", "// alloylint-disable-next-line AL990\na \"one\" { }\n")
            .Add("cfg/b.alloy", "// alloylint-disable-next-line AL990\nlogging { }\n");
        Assert.Equal(
            ["cfg/b.alloy:1:32: warning: unused suppression for AL990: nothing was reported on the next line [AL901]"],
            Lint(workspace, new LintSettings { Mode = ConfigurationMode.Directory }, "cfg/a.alloy", "cfg/b.alloy"));
    }

    [Fact]
    public void Suppressions_of_rules_that_did_not_run_are_not_judged()
    {
        var workspace = new InMemoryWorkspace().Add("n.alloy", "// alloylint-disable-next-line AL991\na \"one\" { }\n");
        Assert.Equal(["n.alloy:2:1: note: component a \"one\" [AL990]"], Lint(workspace, new LintSettings { Ignore = ["AL991"] }, "n.alloy"));
    }

    [Fact]
    public void A_failing_rule_is_reported_and_the_others_still_run()
    {
        var workspace = new InMemoryWorkspace().Add("c.alloy", "a \"b\" { }\n");
        var findings = new Linter(LintSettings.Default, [new TestRules.Crashes(), new TestRules.EveryComponent()])
            .Lint(workspace.ReadAlloyFile("c.alloy")!, workspace)
            .Select(RuleFixture.Concise);
        Assert.Equal(
            [
                "c.alloy:1:1: note: component a \"b\" [AL990]",
                "c.alloy:1:1: warning: internal error: rule AL995 failed on this configuration (InvalidOperationException: boom); please report it [AL995]",
            ],
            findings);
    }
}
