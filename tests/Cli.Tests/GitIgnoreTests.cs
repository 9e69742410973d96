using AlloyLint.Cli.Discovery;
using Xunit;

namespace AlloyLint.Cli.Tests;

public class GitIgnoreTests
{
    [Theory]
    [InlineData("*.alloy", "a.alloy", false, true)]
    [InlineData("*.alloy", "deep/er/a.alloy", false, true)]
    [InlineData("/top.alloy", "top.alloy", false, true)]
    [InlineData("/top.alloy", "sub/top.alloy", false, null)]
    [InlineData("sub/a.alloy", "sub/a.alloy", false, true)]
    [InlineData("sub/a.alloy", "x/sub/a.alloy", false, null)]
    [InlineData("build/", "build", true, true)]
    [InlineData("build/", "build", false, null)]
    [InlineData("build/", "x/build", true, true)]
    [InlineData("**/gen", "a/b/gen", true, true)]
    [InlineData("**/gen", "gen", true, true)]
    [InlineData("gen/**", "gen/a/b.alloy", false, true)]
    [InlineData("gen/**", "gen", true, null)]
    [InlineData("a/**/b.alloy", "a/b.alloy", false, true)]
    [InlineData("a/**/b.alloy", "a/x/y/b.alloy", false, true)]
    [InlineData("a/**/b.alloy", "c/a/x/b.alloy", false, null)]
    [InlineData("file?.alloy", "file1.alloy", false, true)]
    [InlineData("file?.alloy", "file10.alloy", false, null)]
    [InlineData("file[0-3].alloy", "file2.alloy", false, true)]
    [InlineData("file[!0-3].alloy", "file2.alloy", false, null)]
    [InlineData("file[!0-3].alloy", "file7.alloy", false, true)]
    [InlineData("\\#hash.alloy", "#hash.alloy", false, true)]
    [InlineData("# comment", "# comment", false, null)]
    [InlineData("trailing.alloy   ", "trailing.alloy", false, true)]
    [InlineData("*.ALLOY", "a.alloy", false, null)]
    public void Matches_one_pattern_like_git(string pattern, string path, bool isDirectory, bool? expected) =>
        Assert.Equal(expected, GitIgnore.Parse(pattern).Match(path, isDirectory));

    [Fact]
    public void The_last_matching_pattern_wins_so_negation_reincludes()
    {
        var rules = GitIgnore.Parse("*.alloy\n!keep.alloy\n");
        Assert.Equal(true, rules.Match("drop.alloy", false));
        Assert.Equal(false, rules.Match("keep.alloy", false));
        Assert.Equal(false, rules.Match("sub/keep.alloy", false));
    }

    [Fact]
    public void Escaped_exclamation_mark_is_a_literal_not_a_negation()
    {
        var rules = GitIgnore.Parse("\\!bang.alloy\r\n");
        Assert.Equal(true, rules.Match("!bang.alloy", false));
    }
}
