using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Tests.Formatting;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace AlloyLint.Parser.Tests.Properties;

/// <summary>
/// Properties over random input, a bounded number of cases each so CI stays fast: the parser never throws,
/// hangs or overflows the stack, every error has a span inside the file, and formatted output re-parses to the
/// same tree. Each case runs under <see cref="Guard"/> (its own 1 MB stack, a hang limit).
/// </summary>
public class ParserPropertyTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true);

    [Fact]
    public void Random_token_streams_parse_without_throwing() =>
        Prop.ForAll(InputGenerators.TokenSoup.ToArbitrary(), ParsesCleanly).Check(Cases);

    [Fact]
    public void Mutated_example_configs_parse_without_throwing() =>
        Prop.ForAll(InputGenerators.Mutated(InputGenerators.RepositorySeeds).ToArbitrary(), ParsesCleanly).Check(Cases);

    [Fact]
    public void Mutated_corpus_configs_parse_without_throwing() =>
        Prop.ForAll(InputGenerators.Mutated(InputGenerators.CorpusSeeds()).ToArbitrary(), ParsesCleanly).Check(Cases);

    [Fact]
    public void Well_formed_configs_parse_without_errors_and_format_to_the_same_tree() =>
        Prop.ForAll(InputGenerators.WellFormedConfig.ToArbitrary(), input =>
        {
            var tree = Parse(input);
            Assert.True(tree.Diagnostics.IsEmpty, $"generated config does not parse: {string.Join("; ", tree.Diagnostics.Select(d => d.Message))}\n{input}");
            FormatsToTheSameTree(tree);
        }).Check(Cases);

    [Fact]
    public void Mutated_configs_that_still_parse_format_to_the_same_tree() =>
        Prop.ForAll(InputGenerators.Mutated(InputGenerators.RepositorySeeds).ToArbitrary(), input =>
        {
            var tree = Parse(input);
            if (!tree.HasErrors)
            {
                FormatsToTheSameTree(tree);
            }
        }).Check(Cases);

    [Theory]
    [InlineData("x = ", "[", "]")]
    [InlineData("x = ", "{a = ", "}")]
    [InlineData("x = ", "(", "1)")]
    [InlineData("x = ", "f(", ")")]
    [InlineData("x = ", "a[", "0]")]
    [InlineData("x = ", "-", "1")]
    [InlineData("x = ", "!", "true")]
    [InlineData("x = ", "2 ^ ", "2")]
    [InlineData("", "a { ", "}\n")]
    public void Hundred_thousand_nested_levels_end_in_a_diagnostic_not_a_stack_overflow(string prefix, string open, string close)
    {
        const int levels = 100_000;
        var input = prefix + string.Concat(Enumerable.Repeat(open, levels)) + string.Concat(Enumerable.Repeat(close, levels)) + "\n";
        AssertTooDeep(Parse(input));
    }

    [Theory]
    [InlineData(" + 1")]
    [InlineData(" || true")]
    [InlineData(".b")]
    [InlineData("[0]")]
    [InlineData("(1)")]
    public void Hundred_thousand_chained_operations_end_in_a_diagnostic_not_a_stack_overflow(string link) =>
        AssertTooDeep(Parse("x = a" + string.Concat(Enumerable.Repeat(link, 100_000)) + "\n"));

    [Theory]
    [InlineData(" + 1")]
    [InlineData(".b")]
    [InlineData("[0]")]
    public void Chains_within_the_nesting_limit_parse_and_format(string link)
    {
        var tree = Parse("x = a" + string.Concat(Enumerable.Repeat(link, AlloyParser.MaxNestingDepth - 10)) + "\n");
        Assert.False(tree.HasErrors);
        FormatsToTheSameTree(tree);
    }

    [Fact]
    public void A_one_megabyte_line_parses()
    {
        var input = "x = \"" + new string('a', 1 << 20) + "\"\ny = [" + string.Join(",", Enumerable.Repeat("1", 200_000)) + "]\n";
        var tree = Parse(input);
        Assert.False(tree.HasErrors);
        Assert.Equal(2, tree.Root.Statements.Length);
    }

    private static void AssertTooDeep(SyntaxTree tree) =>
        Assert.Contains(tree.Diagnostics, diagnostic => diagnostic.Message.StartsWith("nesting is too deep", StringComparison.Ordinal));

    private static void ParsesCleanly(string input)
    {
        var tree = Parse(input);
        foreach (var diagnostic in tree.Diagnostics)
        {
            Assert.InRange(diagnostic.Span.Start, 0, input.Length);
            Assert.InRange(diagnostic.Span.End, diagnostic.Span.Start, input.Length);
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
        }
    }

    private static void FormatsToTheSameTree(SyntaxTree tree)
    {
        var formatted = Guard.Run(() => AlloyFormatter.Format(tree), "format");
        var reparsed = Parse(formatted);
        Assert.True(reparsed.Diagnostics.IsEmpty, $"formatted output does not parse: {string.Join("; ", reparsed.Diagnostics.Select(d => d.Message))}\n{formatted}");
        Assert.Equal(Guard.Run(() => TreeShape.Of(tree), "shape"), Guard.Run(() => TreeShape.Of(reparsed), "shape"));
    }

    private static SyntaxTree Parse(string input) =>
        Guard.Run(() => AlloyParser.Parse(SourceText.From(input, "property.alloy")), InputGenerators.Describe(input));
}
