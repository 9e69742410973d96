using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Suppression;
using AlloyLint.Rules.Tests.Support;
using Xunit;

namespace AlloyLint.Rules.Tests.Engine;

public sealed class FixApplierTests
{
    private static FixResult Fix(string text, bool includeUnsafe, params Rule[] rules)
    {
        var source = SourceText.From(text, "f.alloy");
        var workspace = new InMemoryWorkspace().Add("f.alloy", text);
        return new FixApplier(new Linter(LintSettings.Default, rules)).Apply(source, workspace, includeUnsafe);
    }

    [Fact]
    public void The_files_of_a_configuration_are_fixed_together_with_one_lint_per_pass_announced_and_no_file_read_again()
    {
        const string debug = "logging {\n\tlevel = \"debug\"\n}\n";
        var files = new InMemoryWorkspace();
        var paths = Enumerable.Range(0, 4).Select(i => $"cfg/f{i}.alloy").ToList();
        paths.ForEach(path => files.Add(path, debug));
        var workspace = new CountingWorkspace(files);
        var rule = new CountingRule(new TestRules.DebugLevel());
        var linter = new Linter(new LintSettings { Mode = ConfigurationMode.Directory }, [rule]);
        var configuration = Assert.Single(linter.FormConfigurations([.. paths.Select(path => files.ReadAlloyFile(path)!)], workspace));
        var lookups = workspace.Lookups;
        var relinted = new List<long>();

        var results = new FixApplier(linter, relinted.Add).Apply(configuration, workspace);

        Assert.Equal(paths, results.Select(result => result.Original.Path));
        Assert.All(results, result => Assert.Equal(["AL991: Use info"], result.Applied.Select(fix => $"{fix.Rule.Id}: {fix.Title}")));
        Assert.All(results, result => Assert.Equal(debug.Replace("debug", "info", StringComparison.Ordinal), result.NewText));
        Assert.All(results, result => Assert.Empty(result.Remaining));
        Assert.Equal(lookups, workspace.Lookups);
        Assert.Equal(2, rule.Checks); // the lint before the first pass, and one after it fixed all four files
        Assert.Equal([4L * debug.Replace("debug", "info", StringComparison.Ordinal).Length], relinted); // told before that one
    }

    /// <summary>A rule that counts how often it checks a configuration.</summary>
    private sealed class CountingRule(Rule inner) : Rule
    {
        public int Checks { get; private set; }

        public override RuleMetadata Metadata => inner.Metadata;

        public override void Check(LintContext context)
        {
            Checks++;
            inner.Check(context);
        }
    }

    /// <summary>Counts the lookups of files: listing a directory and reading a file.</summary>
    private sealed class CountingWorkspace(IWorkspace inner) : IWorkspace
    {
        public int Lookups { get; private set; }

        public IReadOnlyList<string> AlloyFilesInDirectory(string directory)
        {
            Lookups++;
            return inner.AlloyFilesInDirectory(directory);
        }

        public SourceText? ReadAlloyFile(string path)
        {
            Lookups++;
            return inner.ReadAlloyFile(path);
        }

        public string? ReadTextFile(string path) => inner.ReadTextFile(path);
    }

    [Fact]
    public void Applies_safe_fixes_and_keeps_comments()
    {
        var result = Fix("// top\nlogging {\n\tlevel = \"debug\" // keep me\n}\n", includeUnsafe: false, new TestRules.DebugLevel());
        Assert.Equal("// top\nlogging {\n\tlevel = \"info\" // keep me\n}\n", result.NewText);
        Assert.Equal(["AL991: Use info"], result.Applied.Select(fix => $"{fix.Rule.Id}: {fix.Title}"));
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void Unsafe_fixes_need_the_flag()
    {
        const string text = "logging {\n\tlevel = \"debug\"\n}\n";
        var safeOnly = Fix(text, includeUnsafe: false, new TestRules.DebugLevel(), new TestRules.MissingTracing());
        Assert.Equal("logging {\n\tlevel = \"info\"\n}\n", safeOnly.NewText);
        Assert.Equal(["no tracing block"], safeOnly.Remaining.Select(finding => finding.Message));

        var withUnsafe = Fix(text, includeUnsafe: true, new TestRules.DebugLevel(), new TestRules.MissingTracing());
        Assert.Equal("logging {\n\tlevel = \"info\"\n}\n\ntracing {\n\tsampling_fraction = 0.1\n}\n", withUnsafe.NewText);
        Assert.Empty(withUnsafe.Remaining);
    }

    [Fact]
    public void Inserted_text_takes_the_file_line_ending_and_the_BOM_stays()
    {
        var source = SourceText.Decode("\uFEFFlogging {\r\n\tlevel = \"info\"\r\n}\r\n"u8, "crlf.alloy");
        var workspace = new InMemoryWorkspace();
        var result = new FixApplier(new Linter(LintSettings.Default, [new TestRules.MissingTracing()])).Apply(source, workspace, includeUnsafe: true);
        Assert.Equal("logging {\r\n\tlevel = \"info\"\r\n}\r\n\r\ntracing {\r\n\tsampling_fraction = 0.1\r\n}\r\n", result.NewText);
        Assert.True(result.NewSource.HasBom);
    }

    [Fact]
    public void Refuses_fixes_whose_result_does_not_parse()
    {
        var result = Fix("a \"b\" { }\nlogging {\n\tlevel = \"debug\"\n}\n", includeUnsafe: true, new TestRules.BreaksSyntax(), new TestRules.DebugLevel());
        Assert.Equal("a \"b\" { }\nlogging {\n\tlevel = \"info\"\n}\n", result.NewText);
        Assert.Equal(["broken fix"], result.Remaining.Select(finding => finding.Message));
    }

    [Fact]
    public void Stops_after_ten_passes()
    {
        var result = Fix("a \"b\" { }\n", includeUnsafe: false, new TestRules.RenameLabel());
        Assert.Equal("a \"b_x_x_x_x_x_x_x_x_x_x\" { }\n", result.NewText);
        Assert.Equal(FixApplier.MaxPasses, result.Applied.Count);
    }

    [Fact]
    public void Never_fixes_a_file_that_does_not_parse()
    {
        var result = Fix("logging {\n\tlevel = \"debug\"\n\tx = \n}\n", includeUnsafe: true, new TestRules.DebugLevel(), new TestRules.MissingTracing());
        Assert.False(result.Changed);
    }

    [Fact]
    public void Unused_suppressions_are_removed_whole_or_in_part()
    {
        const string text = """
            // alloylint-disable-next-line AL991 -- stale
            a "one" { }
            logging {
            	level = "debug" // alloylint-disable-line AL990, AL991 -- needed for AL991 only
            }
            a "two" { } // alloylint-disable-line AL991
            """;
        var result = Fix(text + "\n", includeUnsafe: false, new TestRules.DebugLevel(), new AL901UnusedSuppression());
        Assert.Equal(
            "a \"one\" { }\nlogging {\n\tlevel = \"debug\" // alloylint-disable-line AL991 -- needed for AL991 only\n}\na \"two\" { }\n",
            result.NewText);
        Assert.Empty(result.Remaining);
    }
}
