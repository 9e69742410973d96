using AlloyLint.Rules.Catalog;
using Xunit;

namespace AlloyLint.Rules.Tests.Catalog;

public sealed class StandardLibraryTests
{
    [Theory]
    [InlineData("env", "sys.env")]
    [InlineData("nonsensitive", "convert.nonsensitive")]
    [InlineData("json_decode", "encoding.from_json")]
    [InlineData("trim_space", "string.trim_space")]
    public void Deprecated_aliases_name_their_replacement(string alias, string current)
    {
        Assert.Equal(current, StandardLibrary.ReplacementFor(alias));
        Assert.NotNull(StandardLibrary.Find(current));
        Assert.False(StandardLibrary.Find(current)!.IsDeprecated);
    }

    [Fact]
    public void Every_entry_is_found_by_its_name_and_nothing_else_is()
    {
        foreach (var entry in StandardLibrary.All)
        {
            Assert.Same(entry, StandardLibrary.Find(new string(entry.Name.AsSpan())));
            Assert.Same(entry, StandardLibrary.Find(entry.Name));
        }

        Assert.Null(StandardLibrary.Find("sys"));
        Assert.Null(StandardLibrary.Find("string.trim_prefixes"));
        Assert.Null(StandardLibrary.Find(string.Empty));
    }

    [Fact]
    public void Every_alias_has_the_arity_of_its_replacement()
    {
        foreach (var alias in StandardLibrary.All.Where(entry => entry.IsDeprecated))
        {
            var current = StandardLibrary.Find(alias.Replacement!)!;
            Assert.Equal((current.MinArguments, current.MaxArguments), (alias.MinArguments, alias.MaxArguments));
        }
    }

    [Fact]
    public void Arity_and_stability()
    {
        var combine = StandardLibrary.Find("array.combine_maps")!;
        Assert.Equal(Stability.Experimental, combine.Stability);
        Assert.True(combine.AcceptsArgumentCount(3));
        Assert.True(combine.AcceptsArgumentCount(4));
        Assert.False(combine.AcceptsArgumentCount(2));
        Assert.Equal("3 or 4", combine.ArityText);
        Assert.Equal("at least 1", StandardLibrary.Find("string.format")!.ArityText);
        Assert.Equal("any number of", StandardLibrary.Find("coalesce")!.ArityText);
        Assert.False(StandardLibrary.Find("constants.hostname")!.IsFunction);
        Assert.Contains("string", StandardLibrary.RootNames);
        Assert.Contains("coalesce", StandardLibrary.RootNames);
        Assert.Null(StandardLibrary.Find("string.reverse"));
    }
}
