using AlloyLint.Rules.Catalog;
using Xunit;

namespace AlloyLint.Rules.Tests.Catalog;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("receiver", "receiver", 0)]
    [InlineData("receiver", "reciever", 1)]
    [InlineData("targets", "target", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("abc", "", 3)]
    public void Edit_distance_counts_edits_and_a_swap_of_neighbours_as_one(string a, string b, int distance)
    {
        Assert.Equal(distance, Suggestions.EditDistance(a, b));
        Assert.Equal(distance, Suggestions.EditDistance(b, a));
    }

    [Fact]
    public void A_bounded_edit_distance_is_exact_up_to_its_limit_and_above_it_beyond()
    {
        string[] words = ["", "a", "ab", "ba", "abc", "acb", "rw_12", "rw_21", "typo_4999", "prometheus", "promethues", "remote_write", "write_remote", "loki"];
        foreach (var a in words)
        {
            foreach (var b in words)
            {
                var exact = Suggestions.EditDistance(a, b);
                for (var limit = 0; limit <= 4; limit++)
                {
                    var bounded = Suggestions.EditDistance(a, b, limit);
                    Assert.True(exact <= limit ? bounded == exact : bounded > limit, $"{a} / {b} / limit {limit}: {bounded}, exactly {exact}");
                }
            }
        }
    }

    [Fact]
    public void Closest_suggests_a_likely_typo_only()
    {
        Assert.Equal("default", Suggestions.Closest("defualt", ["main", "default", "defaults"]));
        Assert.Null(Suggestions.Closest("typo_4999", ["rw_0", "rw_4999"]));
    }

    [Fact]
    public void A_list_describes_only_the_items_it_shows()
    {
        var described = new List<int>();
        var list = Suggestions.List(Enumerable.Range(0, 100).ToList(), item => { described.Add(item); return $"\"{item}\""; }, max: 3);
        Assert.Equal("\"0\", \"1\", \"2\" and 97 more", list);
        Assert.Equal([0, 1, 2], described);
        Assert.Equal("none", Suggestions.List([]));
        Assert.Equal("a, b", Suggestions.List(["a", "b"]));
    }
}
