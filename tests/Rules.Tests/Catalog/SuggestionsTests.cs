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

    [Fact]
    public void An_index_answers_as_the_linear_search_over_the_same_candidates_in_the_same_order()
    {
        var random = new Random(7);
        string Word(int maxLength) => new([.. Enumerable.Range(0, random.Next(0, maxLength + 1)).Select(_ => "abcd._"[random.Next(6)])]);
        for (var trial = 0; trial < 3000; trial++)
        {
            var candidates = Enumerable.Range(0, random.Next(0, 12)).Select(_ => Word(8)).ToList();
            var name = random.Next(3) == 0 && candidates.Count > 0 ? Mutate(candidates[random.Next(candidates.Count)], random) : Word(10);
            var suffix = random.Next(3) == 0 ? Word(4) : string.Empty;
            var index = new SuggestionIndex(candidates);

            var expected = Suggestions.Closest(name, candidates.Select(candidate => candidate + suffix));
            Assert.True(expected == index.Search(name, suffix, Suggestions.Limit(name))?.Candidate, $"'{name}' in [{string.Join(", ", candidates)}] + '{suffix}': {expected}");
            if (suffix.Length == 0)
            {
                Assert.Equal(expected, index.Closest(name));
            }
        }
    }

    private static string Mutate(string word, Random random)
    {
        var chars = word.ToList();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(4))
            {
                case 0:
                    chars.Insert(at, 'b');
                    break;
                case 1 when at < chars.Count:
                    chars.RemoveAt(at);
                    break;
                case 2 when at < chars.Count:
                    chars[at] = 'c';
                    break;
                case 3 when at + 1 < chars.Count:
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    break;
            }
        }

        return new string([.. chars]);
    }
}
