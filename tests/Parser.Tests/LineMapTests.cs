using AlloyLint.Parser.Text;
using Xunit;

namespace AlloyLint.Parser.Tests;

public class LineMapTests
{
    private const string Text = "a = 1\r\n\nbb = [\n  2,\n]\nlast";

    /// <summary>The line of an offset by counting the '\n' before it.</summary>
    private static int CountedLine(int offset) => Text[..Math.Min(offset, Text.Length)].Count(ch => ch == '\n') + 1;

    [Fact]
    public void Lines_and_columns_are_one_based_and_lines_end_at_line_feeds()
    {
        var lines = new LineMap(Text);
        Assert.Equal(6, lines.LineCount);
        Assert.Equal(new LinePosition(1, 6), lines.GetPosition(5));
        Assert.Equal(new LinePosition(2, 1), lines.GetPosition(7));
        Assert.Equal((0, 5), (lines.LineStart(1), lines.LineEnd(1)));
        Assert.Equal("last", lines.LineText(6));
    }

    [Fact]
    public void Any_order_of_lookups_gives_the_same_lines()
    {
        var lines = new LineMap(Text);
        var offsets = Enumerable.Range(0, Text.Length + 1).ToList();
        var shuffled = offsets.OrderBy(offset => (offset * 7919) % 31).ToList();
        foreach (var offset in offsets.Concat(shuffled).Concat(Enumerable.Reverse(offsets)))
        {
            Assert.Equal(CountedLine(offset), lines.GetLine(offset));
        }
    }

    [Fact]
    public void Lookups_forward_by_any_step_and_back_give_the_same_lines()
    {
        var random = new Random(11);
        // Lines of 0 to 39 characters, some holding a character whose low byte is that of '\n'.
        var text = string.Concat(Enumerable.Range(0, 5000).Select(line => new string(line % 7 == 0 ? '\u010A' : 'x', random.Next(0, 40)) + "\n"));
        var expected = new int[text.Length + 1];
        for (var offset = 1; offset <= text.Length; offset++)
        {
            expected[offset] = expected[offset - 1] + (text[offset - 1] == '\n' ? 1 : 0);
        }

        var lines = new LineMap(text);
        for (var offset = 0; offset <= text.Length; offset += random.Next(1, 3000))
        {
            Assert.Equal(expected[offset] + 1, lines.GetLine(offset));
        }

        foreach (var offset in Enumerable.Range(0, 2000).Select(_ => random.Next(0, text.Length + 1)))
        {
            Assert.Equal(expected[offset] + 1, lines.GetLine(offset));
        }
    }

    [Theory]
    [InlineData(0, 40)] // short lines: starts kept as 16-bit offsets within groups of 64 lines
    [InlineData(1100, 1100)] // 64 lines span more than 64 K characters: every start kept in full
    [InlineData(0, 2000)] // lines of any length, from empty on
    public void Every_line_starts_ends_and_is_found_where_its_text_is(int shortest, int longest)
    {
        var random = new Random(3);
        var lines = Enumerable.Range(0, 700).Select(line => new string('x', random.Next(shortest, longest + 1)) + (line % 5 == 0 ? "\r" : string.Empty)).ToList();
        var text = string.Join('\n', lines);
        var map = new LineMap(text);
        Assert.Equal(lines.Count, map.LineCount);
        var start = 0;
        for (var line = 1; line <= lines.Count; line++)
        {
            var end = start + lines[line - 1].Length;
            Assert.Equal((start, lines[line - 1].TrimEnd('\r').Length + start), (map.LineStart(line), map.LineEnd(line)));
            Assert.Equal(line, map.GetLine(start));
            Assert.Equal(line, map.GetLine(end));
            Assert.Equal(new LinePosition(line, end - start + 1), map.GetPosition(end));
            start = end + 1;
        }

        foreach (var offset in Enumerable.Range(0, 500).Select(_ => random.Next(0, text.Length + 1)))
        {
            Assert.Equal(text[..offset].Count(ch => ch == '\n') + 1, map.GetLine(offset));
        }
    }

    [Fact]
    public void Line_feeds_are_counted_exactly_at_every_position_and_length()
    {
        // Characters whose halves look like '\n' must not count; lengths cross the vector width and a lane's limit.
        var random = new Random(7);
        foreach (var length in new[] { 0, 1, 7, 8, 9, 15, 16, 17, 100, 8 * 65535 + 3, 8 * 65535 * 2 + 21 })
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = random.Next(6) switch
                {
                    0 => '\n',
                    1 => '\u010A',
                    2 => '\u0A00',
                    3 => '\r',
                    _ => (char)random.Next(32, 127),
                };
            }

            Assert.Equal(chars.Count(ch => ch == '\n'), LineMap.CountLineFeeds(chars));
        }

        Assert.Equal(8 * 65535 * 2 + 21, LineMap.CountLineFeeds(new string('\n', 8 * 65535 * 2 + 21)));
    }
}
