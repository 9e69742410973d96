using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Tests.Support;
using AlloyLint.Parser.Text;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Parser.Tests.Formatting;

public class AlloyFormatterTests
{
    private static string Format(string source) => AlloyFormatter.Format(Parsed.Text(source));

    [Fact]
    public void Aligns_equals_expands_blocks_adds_no_blank_line_after_a_block_and_ends_with_one_newline() =>
        Assert.Equal(
            "logging {\n\tlevel  = \"debug\"\n\tformat = \"logfmt\"\n}\nx = 1\n",
            Format("logging { \n  level = \"debug\"\n     format = \"logfmt\" }\nx=1"));

    [Fact]
    public void Empty_and_blank_files_format_to_a_single_newline()
    {
        Assert.Equal("\n", Format(""));
        Assert.Equal("\n", Format("\n\n  \t\n"));
    }

    [Fact]
    public void Crlf_input_gives_lf_output_and_comments_lose_their_carriage_returns() =>
        Assert.Equal("a  = 1 // one\nbb = 2\n", Format("a = 1 // one\r\nbb = 2\r\n"));

    [Fact]
    public void Byte_order_mark_is_not_printed()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "a=1\n"u8];
        var tree = AlloyParser.Parse(SourceText.Decode(bytes, "bom.alloy"));
        Assert.True(tree.Source.HasBom);
        Assert.Equal("a = 1\n", AlloyFormatter.Format(tree));
    }

    [Fact]
    public void Divergence_tab_inside_a_string_is_kept()
    {
        Assert.Equal("a  = \"x\ty\"\nbb = 1\n", Format("a = \"x\ty\"\nbb = 1\n"));
        Assert.Equal("a = `x\t\ny`\n", Format("a = `x\t\ny`\n"));
    }

    [Fact]
    public void Divergence_trailing_blanks_inside_a_raw_string_are_kept() =>
        Assert.Equal("a = `line1   \nline2 \r\nline3`\n", Format("a = `line1   \nline2 \r\nline3`\n"));

    [Fact]
    public void Raw_strings_are_printed_verbatim() =>
        Assert.Equal(
            "block {\n\tx = `first\n  second \"q\" \\n`\n\ty = 1\n}\n",
            Format("block {\n  x = `first\n  second \"q\" \\n`\n  y = 1\n}\n"));

    [Fact]
    public void Divergence_multiline_empty_call_prints_an_empty_call()
    {
        Assert.Equal("a = f()\n", Format("a = f(\n)\n"));
        Assert.Equal("a = f(\n\t1,\n)\n", Format("a = f(\n1,\n)\n"));
    }

    [Fact]
    public void Divergence_quoted_keys_with_escapes_are_kept_as_written()
    {
        Assert.Equal("a = {\"a\\\"b\" = 1}\n", Format("a = {\"a\\\"b\" = 1}\n"));
        Assert.Equal("a = {`k\"q` = 1}\n", Format("a = {`k\"q` = 1}\n"));
        Assert.Equal("a = {\"plain key\" = 1, \"raw\" = 2}\n", Format("a = {\"plain key\" = 1, `raw` = 2}\n"));
    }

    [Fact]
    public void Divergence_comments_inside_a_split_block_name_go_before_the_block()
    {
        var output = Format("point.\n// c\ndiscovery.relabel \"x\" {\n}\n");
        Assert.Equal("// c\npoint.discovery.relabel \"x\" { }\n", output);
        Assert.False(Parsed.Text(output).HasErrors);
    }

    [Fact]
    public void Comments_everywhere_match_the_golden_file()
    {
        const string source = """
            // leading comment

            /* block */ logging { // after brace
              level = "info" // trailing
              // own line
              format   = "logfmt"
            }
            a = [ // after bracket
              1, // one
              /* two */ 2,
              // before close
            ]
            obj = {
              // first
              k = 1, // k
              "long key" = 2,
            }
            call = f(1, /* inline */ 2)
            sum = 1 + /* mid */ 2
            // trailing comment at end
            """;
        var output = Format(source);
        Golden.Verify(output, "tests/Parser.Tests/Formatting/comments_everywhere.verified.txt");
        var reparsed = Parsed.Text(output);
        Assert.False(reparsed.HasErrors);
        Assert.Equal(TreeShape.Of(Parsed.Text(source)), TreeShape.Of(reparsed));
        Assert.Equal(output, AlloyFormatter.Format(reparsed));
    }

    [Fact]
    public void Format_refuses_a_tree_with_syntax_errors() =>
        Assert.Throws<InvalidOperationException>(() => AlloyFormatter.Format(Parsed.Text("a = ")));

    [Fact]
    public void Snippet_at_level_zero_has_no_trailing_newline() =>
        Assert.Equal(
            "prometheus.scrape \"alloy\" {\n\ttargets = prometheus.exporter.self.alloy.targets\n}",
            AlloyFormatter.FormatSnippet("prometheus.scrape \"alloy\" { targets = prometheus.exporter.self.alloy.targets }"));

    [Fact]
    public void Snippet_is_indented_on_every_nonempty_line_and_uses_the_newline_given() =>
        Assert.Equal(
            "\t\tblock \"x\" {\r\n\t\t\ta  = 1\r\n\t\t\tbb = [\r\n\t\t\t\t2,\r\n\t\t\t]\r\n\t\t}\r\n\r\n\t\tc = 3",
            AlloyFormatter.FormatSnippet("block \"x\" {\na = 1\nbb = [\n2,\n]\n}\n\nc = 3\n", indentLevel: 2, newline: "\r\n"));

    [Fact]
    public void Snippet_does_not_indent_the_inside_of_raw_strings() =>
        Assert.Equal("\tx = `a\nb`", AlloyFormatter.FormatSnippet("x = `a\nb`", indentLevel: 1));

    [Fact]
    public void Snippet_that_does_not_parse_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => AlloyFormatter.FormatSnippet("a = {"));
        Assert.Contains("does not parse", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a  = 1\nbb = 2\n")]
    [InlineData("a  = 1\r\nbb = 2\r\n")]
    public void Canonical_change_is_null_for_a_formatted_file(string source) =>
        Assert.Null(AlloyFormatter.FindCanonicalChange(Parsed.Text(source)));

    [Theory]
    [InlineData("a=1\nbb = 2\n", 1, 2, "  = ")]
    [InlineData("a  = 1\nbb = 2", 13, 13, "\n")]
    [InlineData("x = 1\r\nb { c=2 }\r\n", 7, 15, "\r\nb {\r\n\tc = 2\r\n")]
    public void Canonical_change_is_the_smallest_edit_to_the_formatted_text_with_the_files_line_endings(string source, int start, int end, string replacement)
    {
        var tree = Parsed.Text(source);
        var change = AlloyFormatter.FindCanonicalChange(tree);

        Assert.NotNull(change);
        Assert.Equal((start, end, replacement), (change.Span.Start, change.Span.End, change.Replacement));
        Assert.Equal(AlloyFormatter.FormatKeepingLineEndings(tree), source[..start] + replacement + source[end..]);
    }
}
