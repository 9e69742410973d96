using AlloyLint.Parser.Parsing;
using Xunit;

namespace AlloyLint.Parser.Tests;

public class NameTableTests
{
    [Fact]
    public void Equal_texts_get_one_string_and_different_texts_their_own()
    {
        var names = new NameTable();
        const string Source = "prometheus.scrape prometheus.scrape scrape";
        var first = names.Get(Source.AsSpan(0, 17));
        var second = names.Get(Source.AsSpan(18, 17));
        var other = names.Get(Source.AsSpan(36));

        Assert.Equal("prometheus.scrape", first);
        Assert.Same(first, second);
        Assert.Equal("scrape", other);
        Assert.Same(other, names.Get("scrape"));
    }

    [Fact]
    public void Every_length_up_to_the_limit_is_interned_and_longer_texts_are_copied()
    {
        var names = new NameTable();
        var text = new string('x', 80);
        for (var length = 0; length <= 64; length++)
        {
            var interned = names.Get(text.AsSpan(0, length));
            Assert.Equal(length, interned.Length);
            Assert.Same(interned, names.Get(new string('x', length)));
        }

        var longText = names.Get(text.AsSpan(0, 65));
        Assert.Equal(text[..65], longText);
        Assert.NotSame(longText, names.Get(text.AsSpan(0, 65)));
    }

    [Fact]
    public void Texts_differing_in_one_character_anywhere_stay_apart_as_the_table_grows()
    {
        var names = new NameTable();
        var interned = new Dictionary<string, string>();
        foreach (var length in new[] { 1, 3, 4, 5, 8, 9, 13, 64 })
        {
            for (var position = 0; position < length; position++)
            {
                for (var letter = 'a'; letter <= 'z'; letter++)
                {
                    var text = new string('m', length).ToCharArray();
                    text[position] = letter;
                    var name = new string(text);
                    interned.TryAdd(name, names.Get(name));
                }
            }
        }

        foreach (var (text, first) in interned)
        {
            var again = names.Get(text.ToCharArray());
            Assert.Equal(text, again);
            Assert.Same(first, again);
        }
    }
}
