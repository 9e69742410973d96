using System.Text;
using AlloyLint.Parser.Formatting;
using Xunit;

namespace AlloyLint.Parser.Tests.Formatting;

public class TabWriterTests
{
    private const char Escape = '\uFFFF';

    [Theory]
    [InlineData("a\tb\naaa\tc\n", "a   b\naaa c\n")]
    [InlineData("a\tb\tc\nxx\n", "a b c\nxx\n")]
    [InlineData("a\tb\nccc\nddddd\te\n", "a b\nccc\nddddd e\n")]
    [InlineData("a\tb\tc\naaaa\tbb\tc\nx\ty\n", "a    b  c\naaaa bb c\nx    y\n")]
    [InlineData("a\tb\fccc\td\n", "a b\nccc d\n")]
    [InlineData("a\tb", "a b")]
    [InlineData("", "")]
    public void Aligns_terminated_cells_of_consecutive_lines(string input, string expected) =>
        Assert.Equal(expected, Run(input));

    [Fact]
    public void Leading_empty_cells_are_padded_with_tabs() =>
        Assert.Equal("\ta   b\n\taaa c\n", Run("\ta\tb\n\taaa\tc\n"));

    [Fact]
    public void Leading_empty_cell_sharing_a_block_with_wide_text_gets_two_tabs() =>
        Assert.Equal("xxxxxxxxx b\n\t\tc\n", Run("xxxxxxxxx\tb\n\tc\n"));

    [Fact]
    public void Widths_count_runes_not_utf16_units()
    {
        Assert.Equal("名前  x\nabc y\n", Run("名前\tx\nabc\ty\n"));
        Assert.Equal("😀  x\nab y\n", Run("😀\tx\nab\ty\n"));
    }

    [Fact]
    public void Escaped_text_is_opaque_and_its_escape_characters_have_no_width()
    {
        var input = $"a{Escape}b\tc{Escape}\td\nxx\tyy\n";
        Assert.Equal($"a{Escape}b\tc{Escape} d\nxx   yy\n", Run(input));
        Assert.Equal($"{Escape}x\ny{Escape}\n", Run($"{Escape}x\ny{Escape}\n"));
    }

    [Fact]
    public void Empty_soft_columns_are_discarded_only_when_asked()
    {
        Assert.Equal("a b\nc d\n", Run("a\v\vb\nc\v\vd\n"));
        Assert.Equal("a  b\nc  d\n", Run("a\v\vb\nc\v\vd\n", discardEmptyColumns: false));
        Assert.Equal("a  b\nc  d\n", Run("a\t\tb\nc\t\td\n"));
    }

    [Fact]
    public void Tab_padding_rounds_cells_up_to_tab_stops() =>
        Assert.Equal("a\tb\nccc\td\n", Run("a\tb\nccc\td\n", padChar: '\t'));

    [Fact]
    public void Input_split_across_writes_gives_the_same_output()
    {
        const string input = "a\tb\naaa\tc\n\tx\ty\nab\tc\n😀\td\n";
        var output = new StringBuilder();
        var writer = new TabWriter(new StringBuilderSink(output), 0, 1, ' ', true, true, Escape, initialCapacity: 16);
        foreach (var ch in input)
        {
            writer.Write([ch]);
        }

        writer.Flush();
        Assert.Equal(Run(input), output.ToString());
    }

    private static string Run(string input, char padChar = ' ', bool discardEmptyColumns = true)
    {
        var output = new StringBuilder();
        var writer = new TabWriter(new StringBuilderSink(output), 0, 1, padChar, discardEmptyColumns, tabIndent: true, Escape, initialCapacity: 16);
        writer.Write(input);
        writer.Flush();
        return output.ToString();
    }
}
