using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;
using Xunit;

namespace AlloyLint.Rules.Tests.Fixes;

public sealed class AlloyCodeTests
{
    [Theory]
    [InlineData("alloy", "\"alloy\"")]
    [InlineData("say \"hi\"\\", "\"say \\\"hi\\\"\\\\\"")]
    [InlineData("a\tb\nc\u0007", "\"a\\tb\\nc\\a\"")]
    [InlineData("naïve ✓", "\"naïve ✓\"")]
    public void Strings_are_quoted_as_go_does(string value, string expected) =>
        Assert.Equal(expected, AlloyCode.String(value));

    [Theory]
    [InlineData("")]
    [InlineData("C:\\logs\\\"x\"")]
    [InlineData("\u0000\u001f\u007f\u00a0\U0001F600")]
    public void A_quoted_string_reads_back_as_the_value(string value) =>
        Assert.Equal(value, AlloyLiterals.Unquote(AlloyCode.String(value)));
}
