using System.Text;
using AlloyLint.Parser.Formatting;
using Xunit;

namespace AlloyLint.Parser.Tests.Formatting;

public class TrimmerTests
{
    private const char Escape = '\uFFFF';

    [Theory]
    [InlineData("a  \nb\t\t\n", "a\nb\n")]
    [InlineData("a\vb", "a\tb")]
    [InlineData("a\fb", "a\nb")]
    [InlineData("a   ", "a")]
    [InlineData("  a b  c", "  a b  c")]
    [InlineData("\t\t\n\tx", "\n\tx")]
    [InlineData("a \v\n", "a\n")]
    [InlineData("a \v b\f", "a \t b\n")]
    public void Drops_trailing_blanks_and_converts_formfeeds_and_vertical_tabs(string input, string expected) =>
        Assert.Equal(expected, Run(input));

    [Fact]
    public void Escaped_text_passes_unmodified_without_its_escape_characters()
    {
        Assert.Equal("x  \t \n", Run($"x{Escape}  \t {Escape}  \n"));
        Assert.Equal("// c\v\f\n", Run($"{Escape}// c\v\f{Escape}\n"));
        Assert.Equal("a \tb", Run($"a {Escape}\t{Escape}b"));
    }

    [Fact]
    public void State_carries_across_writes()
    {
        var output = new StringBuilder();
        var trimmer = new Trimmer(new StringBuilderSink(output), Escape, initialCapacity: 16);
        foreach (var piece in new[] { "a ", " ", "\n", $"{Escape}x ", $" {Escape}", "b\t", "", $" {Escape}", $"{Escape}c \v", "\n" })
        {
            trimmer.Write(piece);
        }

        Assert.Equal("a\nx  b\t c\n", output.ToString());
    }

    private static string Run(string input)
    {
        var output = new StringBuilder();
        new Trimmer(new StringBuilderSink(output), Escape, initialCapacity: 16).Write(input);
        return output.ToString();
    }
}
