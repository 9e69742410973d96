using AlloyLint.Cli.Reporting.Sarif;
using Xunit;

namespace AlloyLint.Cli.Tests;

public class LineHashTests
{
    private static string[] Hashes(string text)
    {
        var hashes = LineHash.Hashes(text);
        var fingerprints = LineHash.Fingerprints(hashes, Enumerable.Range(1, hashes.Length));
        return [.. Enumerable.Range(1, hashes.Length).Select(line => fingerprints[line].ToString())];
    }

    [Fact]
    public void Counts_repeats_of_the_lines_asked_for_over_every_line_before_them()
    {
        var line = new string('a', 120) + "\n";
        var hashes = LineHash.Hashes(line + line + line);

        var fingerprints = LineHash.Fingerprints(hashes, [3, 1]);

        Assert.Equal([1, 3], fingerprints.Keys.Order());
        Assert.Equal(new LineFingerprint(hashes[0], 1), fingerprints[1]);
        Assert.Equal(new LineFingerprint(hashes[0], 3), fingerprints[3]);
    }

    [Fact]
    public void Gives_every_line_a_hash_and_counts_repeats()
    {
        var hashes = Hashes("a\nb\na\nb\na\nb\n");

        Assert.Equal(7, hashes.Length);
        Assert.All(hashes, hash => Assert.Matches("^[0-9a-f]+:[0-9]+$", hash));
        Assert.Equal(hashes.Length, hashes.Distinct().Count());
    }

    [Fact]
    public void Ignores_spaces_tabs_and_carriage_returns()
    {
        Assert.Equal(Hashes("x = 1\ny = 2\n"), Hashes("x=1\r\n\t y  =  2\r\n"));
    }

    [Fact]
    public void Counts_identical_windows_from_one()
    {
        var line = new string('a', 120) + "\n";
        var hashes = Hashes(line + line + line);

        Assert.EndsWith(":1", hashes[0], StringComparison.Ordinal);
        Assert.Equal(hashes[0][..^2] + ":2", hashes[1]);
    }

    [Theory]
    [InlineData("", new[] { "c129715d7a2bc9a3:1" })]
    [InlineData(" a\nb\n  \t\tc\n d", new[] { "271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1" })]
    public void Matches_the_published_test_vectors_of_the_codeql_action(string text, string[] expected) =>
        Assert.Equal(expected, Hashes(text));
}
