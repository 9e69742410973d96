using AlloyLint.Rules.Model;
using Xunit;

namespace AlloyLint.Rules.Tests.Model;

public sealed class AlloyLiteralsTests
{
    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"a\\nb\"", "a\nb")]
    [InlineData("\"q\\\"x\"", "q\"x")]
    [InlineData("\"\\x41\\101\\u00e9\"", "AAé")]
    [InlineData("`raw\\n`", "raw\\n")]
    [InlineData("`a\r\nb`", "a\nb")]
    [InlineData("\"\"", "")]
    public void Unquotes_like_Go(string raw, string expected)
    {
        Assert.Equal(expected, AlloyLiterals.Unquote(raw));
        Assert.True(AlloyLiterals.TryUnquote(raw, out var value));
        Assert.Equal(expected, value.ToString());
    }

    [Theory]
    [InlineData("\"\\q\"")]
    [InlineData("\"\\'\"")]
    [InlineData("\"\\uD800\"")]
    [InlineData("'x'")]
    [InlineData("\"")]
    [InlineData("`x\"")]
    public void Malformed_strings_have_no_value(string raw)
    {
        Assert.Null(AlloyLiterals.Unquote(raw));
        Assert.False(AlloyLiterals.TryUnquote(raw, out _));
    }

    [Theory]
    [InlineData("10", 10)]
    [InlineData("010", 8)]
    [InlineData("089", 89)]
    [InlineData("0", 0)]
    public void Numbers_use_Go_base_zero(string raw, double expected) => Assert.Equal(expected, AlloyLiterals.ParseNumber(raw));
}
