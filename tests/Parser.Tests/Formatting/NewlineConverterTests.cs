using System.Text;
using AlloyLint.Parser.Formatting;
using Xunit;

namespace AlloyLint.Parser.Tests.Formatting;

public class NewlineConverterTests
{
    [Theory]
    [InlineData("a\nb\n", "a\r\nb\r\n")]
    [InlineData("\n\n", "\r\n\r\n")]
    [InlineData("a\r\nb\n", "a\r\nb\r\n")]
    [InlineData("no line break", "no line break")]
    public void Line_feeds_not_preceded_by_a_carriage_return_get_one(string input, string expected) =>
        Assert.Equal(expected, Run([input]));

    [Fact]
    public void A_carriage_return_ending_one_write_counts_for_a_line_feed_starting_the_next() =>
        Assert.Equal("a\r\nb\r\n\r\n", Run(["a\r", "\nb", "\n", "", "\n"]));

    [Fact]
    public void Snippet_with_crlf_keeps_the_line_breaks_of_a_raw_string_written_with_crlf() =>
        Assert.Equal("x = `a\r\nb`\r\ny = 1", AlloyFormatter.FormatSnippet("x = `a\r\nb`\ny = 1", newline: "\r\n"));

    private static string Run(string[] writes)
    {
        var output = new StringBuilder();
        var converter = new NewlineConverter(new StringBuilderSink(output), "\r\n");
        foreach (var text in writes)
        {
            converter.Write(text);
        }

        return output.ToString();
    }
}
