using AlloyLint.Rules.Model;
using Xunit;

namespace AlloyLint.Rules.Tests.Model;

public sealed class ChunkedListTests
{
    [Fact]
    public void Items_across_several_chunks_keep_their_order()
    {
        var list = new ChunkedList<int>();
        var expected = Enumerable.Range(0, 2500).Select(i => i * 3).ToList();
        foreach (var item in expected)
        {
            list.Add(item);
        }

        Assert.Equal(expected.Count, list.Count);
        Assert.Equal(expected, list);
        Assert.Equal(expected[1023], list[1023]);
        Assert.Equal(expected[1024], list[1024]);
        Assert.Equal(expected[^1], list[^1]);
    }

    [Fact]
    public void Foreach_reads_every_item_of_every_chunk_once_in_order()
    {
        var list = new ChunkedList<int>();
        for (var i = 0; i < 2049; i++)
        {
            list.Add(i);
        }

        var next = 0;
        foreach (var item in list)
        {
            Assert.Equal(next++, item);
        }

        Assert.Equal(2049, next);
        foreach (var item in new ChunkedList<int>())
        {
            Assert.Fail($"an empty list has no item, got {item}");
        }
    }

    [Theory]
    [InlineData(15)]
    [InlineData(17)]
    [InlineData(1023)]
    [InlineData(1025)]
    public void A_list_growing_its_first_chunk_keeps_every_item(int count)
    {
        var list = new ChunkedList<string>();
        for (var i = 0; i < count; i++)
        {
            list.Add($"item {i}");
        }

        Assert.Equal(count, list.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"item {i}"), list);
        Assert.Equal($"item {count - 1}", list[count - 1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[count]);
    }

    [Fact]
    public void Reading_past_the_end_throws_even_inside_the_last_chunk()
    {
        var list = new ChunkedList<string> { "a", "b" };

        Assert.Equal(["a", "b"], list);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
        Assert.Empty(new ChunkedList<string>());
    }
}
