using System.Text.Json;
using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Parsing;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Rules.Tests.Fixes;

/// <summary>
/// <see cref="SuppressionAdder"/> (<c>alloylint --add-suppressions</c>): where the comments go, how they join comments
/// already there, when a rule is disabled for the whole file instead, and what is left alone.
/// </summary>
public sealed class SuppressionAdderTests
{
    private static readonly string[] DeprecatedFunctions = ["AL401", "AL403"];

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Adds_one_comment_above_each_line_with_findings_at_its_indentation(string newline)
    {
        var result = AddSuppressions(
            Lines(newline, "local.file \"a\" {", "\tfilename = env(\"A\")", "}", "", "local.file \"b\" {", "\tfilename = replace(env(\"B\"), \"x\", \"y\")", "}"),
            DeprecatedFunctions);

        Assert.Equal(
            Lines(
                newline,
                "local.file \"a\" {",
                "\t// alloylint-disable-next-line AL401",
                "\tfilename = env(\"A\")",
                "}",
                "",
                "local.file \"b\" {",
                "\t// alloylint-disable-next-line AL401, AL403",
                "\tfilename = replace(env(\"B\"), \"x\", \"y\")",
                "}"),
            result.NewText);
        Assert.Equal(3, result.Added);
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void Writes_the_reason_in_the_comments_it_adds_and_leaves_those_already_there_theirs()
    {
        var text = Lines("\n", "local.file \"a\" {", "\t// alloylint-disable-next-line AL403 -- until the upgrade", "\tfilename = replace(env(\"B\"), \"x\", \"y\")", "\tis_secret = env(\"C\") == \"\"", "\tdetector = `a", "b` + env(\"D\")", "}");
        var linter = new Linter(new LintSettings { Select = ["AL401", "AL403"], Mode = ConfigurationMode.File });
        var workspace = new InMemoryWorkspace().Add("config.alloy", text);
        var configuration = linter.FormConfigurations([workspace.ReadAlloyFile("config.alloy")!], workspace).Single();

        var result = new SuppressionAdder(linter, "adopted 2026-11").Apply(configuration, workspace, linter.Lint([configuration], workspace)).Single();

        Assert.Equal(
            Lines(
                "\n",
                "// alloylint-disable-file AL401 -- adopted 2026-11",
                "local.file \"a\" {",
                "\t// alloylint-disable-next-line AL403 -- until the upgrade",
                "\tfilename = replace(env(\"B\"), \"x\", \"y\")",
                "\tis_secret = env(\"C\") == \"\"",
                "\tdetector = `a",
                "b` + env(\"D\")",
                "}"),
            result.NewText);
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void Adds_the_rules_to_a_next_line_comment_already_there_before_its_reason()
    {
        var result = AddSuppressions(
            Lines("\n", "local.file \"a\" {", "\t// alloylint-disable-next-line AL403 -- until the upgrade", "\tfilename = replace(env(\"B\"), \"x\", \"y\")", "}"),
            DeprecatedFunctions);

        Assert.Equal(
            Lines("\n", "local.file \"a\" {", "\t// alloylint-disable-next-line AL403, AL401 -- until the upgrade", "\tfilename = replace(env(\"B\"), \"x\", \"y\")", "}"),
            result.NewText);
        Assert.Equal(1, result.Added);
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void A_line_starting_inside_a_multi_line_string_disables_the_rule_for_the_file()
    {
        var original = Lines("\n", "local.file \"a\" {", "\tfilename = `first", "second` + env(\"A\")", "}");

        var result = AddSuppressions(original, DeprecatedFunctions);

        Assert.Equal("// alloylint-disable-file AL401\n" + original, result.NewText);
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void The_edit_for_one_finding_says_when_it_disables_the_rule_for_the_file()
    {
        var text = Lines("\n", "local.file \"a\" {", "\tfilename = `first", "second` + env(\"A\")", "}", "local.file \"b\" {", "\tfilename = env(\"B\")", "}");
        var linter = new Linter(new LintSettings { Select = ["AL401"], Mode = ConfigurationMode.File });
        var source = Parser.Text.SourceText.From(text, "config.alloy");
        var tree = AlloyParser.Parse(source);
        var findings = linter.Lint(source, new InMemoryWorkspace().Add("config.alloy", text));

        var (inString, wholeFile) = SuppressionAdder.EditFor(tree, findings[0]);
        var (onItsLine, lineOnly) = SuppressionAdder.EditFor(tree, findings[1]);

        Assert.Equal((TextEdit.Insert(0, "// alloylint-disable-file AL401\n"), true), (inString, wholeFile));
        Assert.Equal((TextEdit.Insert(text.IndexOf("\tfilename = env(\"B", StringComparison.Ordinal), "\t// alloylint-disable-next-line AL401\n"), false), (onItsLine, lineOnly));
    }

    [Fact]
    public void A_file_wide_rule_joins_a_file_comment_already_there()
    {
        var original = Lines("\n", "local.file \"a\" {", "\t// alloylint-disable-file AL403", "\tfilename = `first", "second` + env(\"A\")", "}");

        var result = AddSuppressions(original, DeprecatedFunctions);

        Assert.Equal(original.Replace("disable-file AL403", "disable-file AL403, AL401", StringComparison.Ordinal), result.NewText);
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void A_formatted_file_stays_formatted_when_a_comment_splits_aligned_attributes()
    {
        var original = Lines("\n", "local.file \"a\" {", "\tis_secret = false", "\tfilename  = env(\"A\")", "}");
        Assert.Equal(original, AlloyFormatter.Format(AlloyParser.Parse(Parser.Text.SourceText.From(original))));

        var result = AddSuppressions(original, DeprecatedFunctions);

        Assert.Equal(
            Lines("\n", "local.file \"a\" {", "\tis_secret = false", "\t// alloylint-disable-next-line AL401", "\tfilename = env(\"A\")", "}"),
            result.NewText);
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void The_formatting_rule_is_disabled_for_the_file_when_a_comment_above_its_line_does_not_hold()
    {
        // Indented with spaces: the comment above line 2 takes the same indentation and becomes the first difference.
        var result = AddSuppressions(Lines("\n", "local.file \"a\" {", "    filename = env(\"A\")", "}"), ["AL401", "AL402"]);

        Assert.Equal(
            Lines("\n", "// alloylint-disable-file AL402", "local.file \"a\" {", "    // alloylint-disable-next-line AL401", "    filename = env(\"A\")", "}"),
            result.NewText);
        Assert.Equal(2, result.Added);
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void A_file_with_syntax_errors_is_left_as_it_is()
    {
        var original = Lines("\n", "local.file \"a\" {", "\tfilename = env(\"A\")");

        var result = AddSuppressions(original, ["AL001", .. DeprecatedFunctions]);

        Assert.False(result.Changed);
        Assert.Equal(original, result.NewText);
        Assert.Contains(result.Remaining, finding => finding.Rule.Id == "AL001");
    }

    [Fact]
    public void Unused_suppressions_are_left_for_fix_to_remove()
    {
        var result = AddSuppressions(
            Lines("\n", "local.file \"a\" {", "\t// alloylint-disable-next-line AL403", "\tfilename = env(\"A\")", "}"),
            ["AL401", "AL403", "AL901"]);

        Assert.Equal(
            Lines("\n", "local.file \"a\" {", "\t// alloylint-disable-next-line AL403, AL401", "\tfilename = env(\"A\")", "}"),
            result.NewText);
        Assert.Equal(["AL901"], result.Remaining.Select(finding => finding.Rule.Id));
    }

    /// <summary>
    /// On every parsing file of ../shared/conformance/corpus with every rule on: the result parses, a formatted file
    /// stays formatted, and nothing is reported any more but unused suppressions of the formatting rule: where a comment
    /// line happens to make an unformatted file formatted, its code suppresses nothing.
    /// </summary>
    [Fact]
    public void Every_real_configuration_lints_clean_afterwards()
    {
        var corpus = SharedData.ConformancePath("corpus");
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(corpus, "expected.json")));
        var names = expected.RootElement.EnumerateObject().Where(entry => entry.Value.GetProperty("parses").GetBoolean()).Select(entry => entry.Name).ToList();
        Assert.NotEmpty(names);

        var linter = new Linter(new LintSettings { Select = ["ALL"], Mode = ConfigurationMode.File });
        foreach (var name in names)
        {
            var text = File.ReadAllText(Path.Combine(corpus, "files", name));
            var result = AddSuppressions(text, linter);

            var tree = AlloyParser.Parse(Parser.Text.SourceText.From(result.NewText));
            Assert.False(tree.HasErrors, name);
            if (AlloyFormatter.FindCanonicalChange(AlloyParser.Parse(Parser.Text.SourceText.From(text))) is null)
            {
                Assert.True(AlloyFormatter.FindCanonicalChange(tree) is null, $"{name} is no longer formatted");
            }

            Assert.All(result.Remaining, finding => Assert.True(
                finding is { Rule.Id: "AL901", Message: "unused suppression for AL402: nothing was reported on the next line" },
                $"{name}: {finding.Start}: {finding.Message} [{finding.Rule.Id}]"));
        }
    }

    private static SuppressionResult AddSuppressions(string text, string[] select) =>
        AddSuppressions(text, new Linter(new LintSettings { Select = select, Mode = ConfigurationMode.File }));

    private static SuppressionResult AddSuppressions(string text, Linter linter)
    {
        var workspace = new InMemoryWorkspace().Add("config.alloy", text);
        var configuration = linter.FormConfigurations([workspace.ReadAlloyFile("config.alloy")!], workspace).Single();
        return new SuppressionAdder(linter).Apply(configuration, workspace, linter.Lint([configuration], workspace)).Single();
    }

    private static string Lines(string newline, params string[] lines) => string.Join(newline, lines) + newline;
}
