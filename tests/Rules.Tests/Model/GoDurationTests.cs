using AlloyLint.Rules.Model;
using Xunit;

namespace AlloyLint.Rules.Tests.Model;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("1m", "60s")]
    [InlineData("60000ms", "1m")]
    [InlineData("1h30m", "90m")]
    [InlineData("1.5s", "1500ms")]
    [InlineData("1m0s", "60s")]
    [InlineData("0", "0s")]
    [InlineData("1000us", "1ms")]
    [InlineData("1000µs", "1ms")]
    [InlineData(".5s", "500ms")]
    [InlineData("+2s", "2s")]
    [InlineData("999999999999999999ns", "999999999.999999999s")]
    [InlineData("9223372036854775807ns", "2562047h47m16.854775807s")]
    public void Spellings_of_the_same_duration_are_equal(string left, string right) =>
        Assert.Equal(GoDuration.Parse(right), GoDuration.Parse(left));

    [Theory]
    [InlineData("")]
    [InlineData("60")]
    [InlineData("s")]
    [InlineData("1d")]
    [InlineData("1 m")]
    [InlineData("1.2.3s")]
    [InlineData("-")]
    [InlineData("9999999999999h")]
    [InlineData("2562048h")]
    [InlineData("9223372036854775808ns")]
    [InlineData("999999999999999999h")]
    [InlineData("99999999999999999999999999999h")]
    public void Go_rejects_these_and_so_do_we(string text) => Assert.False(GoDuration.TryParse(text, out _));

    [Theory]
    [InlineData("60s", "1m0s")]
    [InlineData("90m", "1h30m0s")]
    [InlineData("1500ms", "1.5s")]
    [InlineData("200ms", "200ms")]
    [InlineData("0s", "0s")]
    [InlineData("-10s", "-10s")]
    [InlineData("1ns", "1ns")]
    public void Prints_Go_canonical_form(string text, string expected) => Assert.Equal(expected, GoDuration.Parse(text).ToString());

    [Fact]
    public void Orders_by_length() => Assert.True(GoDuration.Parse("59s").CompareTo(GoDuration.Parse("1m")) < 0);
}
