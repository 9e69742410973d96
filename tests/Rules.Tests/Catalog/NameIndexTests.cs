using AlloyLint.Rules.Catalog;
using Xunit;

namespace AlloyLint.Rules.Tests.Catalog;

public sealed class NameIndexTests
{
    [Fact]
    public void Finds_every_attribute_and_block_of_every_catalog_schema_as_a_linear_search_does()
    {
        var catalog = ComponentCatalog.Default;
        var lookups = 0;
        foreach (var name in catalog.ComponentNames.Concat(catalog.ConfigBlockNames))
        {
            var seen = new HashSet<BodySchema>();
            var pending = new Stack<BodySchema>([catalog.Find(name)!.Body]);
            while (pending.TryPop(out var body))
            {
                if (!seen.Add(body))
                {
                    continue;
                }

                var attributes = body.Attributes.Select(attribute => attribute.Name).Concat(body.Blocks.Select(block => block.Name)).ToList();
                foreach (var asked in attributes.Append("no_such_name").Append("x"))
                {
                    Assert.Same(body.Attributes.FirstOrDefault(attribute => attribute.Name == asked), body.FindAttribute(new string(asked.AsSpan())));
                    Assert.Same(body.Blocks.FirstOrDefault(block => block.Name == asked), body.FindBlock(new string(asked.AsSpan())));
                    lookups++;
                }

                foreach (var block in body.Blocks)
                {
                    pending.Push(block.Body);
                }
            }
        }

        Assert.True(lookups > 5000, $"only {lookups} lookups");
    }

    [Fact]
    public void Keeps_the_first_of_names_listed_twice_and_tells_colliding_names_apart()
    {
        // Same length and same first, middle and last characters: the same slot.
        string[] names = ["max_shards", "min_shards", "max_shards", "", "a"];
        var index = new NameIndex<string>([.. names.Select((name, i) => $"{name}#{i}")], item => item[..item.IndexOf('#')]);

        Assert.Equal("max_shards#0", index.Find("max_shards"));
        Assert.Equal("min_shards#1", index.Find("min_shards"));
        Assert.Equal("#3", index.Find(string.Empty));
        Assert.Equal("a#4", index.Find("a"));
        Assert.Null(index.Find("mid_shards"));
        Assert.Null(index.Find("b"));

        // Asked again with the same instances (found by reference now) and with equal new ones.
        foreach (var asked in new[] { "min_shards", "max_shards", new string("min_shards".AsSpan()), "min_shards" })
        {
            Assert.Equal(asked == "max_shards" ? "max_shards#0" : "min_shards#1", index.Find(asked));
        }

        Assert.Null(index.Find("mid_shards"));
    }

    [Fact]
    public void Gives_positions_and_finds_every_name_of_an_index_larger_than_any_schema_of_the_catalog()
    {
        // Names alike but for a number, as the arguments of a large declare: more than the quick hash spreads.
        var names = Enumerable.Range(0, 20_000).Select(i => $"a{i}").Append("a7").ToList();
        var index = new NameIndex<string>(names, name => name);

        for (var i = 0; i < 20_000; i++)
        {
            Assert.Equal(i, index.PositionOf(new string(names[i].AsSpan())));
            Assert.Same(names[i], index.Find(names[i]));
        }

        Assert.Equal(7, index.PositionOf("a7"));
        Assert.Equal(-1, index.PositionOf("a20000"));
        Assert.Null(index.Find("b"));
    }
}
