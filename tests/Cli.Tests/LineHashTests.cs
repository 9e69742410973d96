using System.Text;
using AlloyLint.Cli.Reporting.Sarif;
using AlloyLint.Parser.Text;
using Xunit;

namespace AlloyLint.Cli.Tests;

public class LineHashTests
{
    /// <summary>The text as the CLI reads a file: kept as ASCII bytes when it is all ASCII.</summary>
    private static SourceText Decoded(string text) => SourceText.Decode(Encoding.UTF8.GetBytes(text), "test.alloy");

    /// <summary>Every line's fingerprint, as GitHub prints it.</summary>
    private static string[] Hashes(string text)
    {
        var fingerprints = LineHash.Fingerprints(Decoded(text), Enumerable.Range(1, text.Length + 1));
        return [.. Enumerable.Range(1, fingerprints.Count).Select(line => fingerprints[line].ToString())];
    }

    [Fact]
    public void Counts_repeats_of_the_lines_asked_for_over_every_line_before_them()
    {
        var line = new string('a', 120) + "\n";

        var fingerprints = LineHash.Fingerprints(Decoded(line + line + line), [3, 1]);

        Assert.Equal([1, 3], fingerprints.Keys.Order());
        Assert.Equal(fingerprints[1].Hash, fingerprints[3].Hash);
        Assert.Equal(1, fingerprints[1].Occurrence);
        Assert.Equal(3, fingerprints[3].Occurrence);
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
    [InlineData("a\rb\r\nc\r \n", 5)]
    [InlineData("\r\r\n\n", 4)]
    [InlineData("a", 1)]
    public void Breaks_lines_at_lf_cr_lf_and_lone_cr(string text, int lines) => Assert.Equal(lines, Hashes(text).Length);

    [Fact]
    public void Leaves_out_lines_past_the_last()
    {
        Assert.Equal([2], LineHash.Fingerprints(Decoded("a\nb"), [2, 3, 9]).Keys);
    }

    [Theory]
    [InlineData("", new[] { "c129715d7a2bc9a3:1" })]
    [InlineData(" a\nb\n  \t\tc\n d", new[] { "271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1" })]
    public void Matches_the_published_test_vectors_of_the_codeql_action(string text, string[] expected) =>
        Assert.Equal(expected, Hashes(text));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Matches_a_plain_rolling_hash_over_every_line_on_random_texts(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            var length = random.Next(0, 400);
            var text = string.Concat(Enumerable.Range(0, length).Select(_ => "ab \t\r\n"[random.Next(6)]));
            var expected = RollingHashes(text);
            var lines = Enumerable.Range(1, expected.Length + 2).Where(_ => random.Next(3) == 0).ToList();

            // A text decoded from a file or a string the editor sent: the same hashes.
            var fingerprints = LineHash.Fingerprints(round % 2 == 0 ? Decoded(text) : SourceText.From(text), lines);

            Assert.Equal(lines.Where(line => line <= expected.Length).Order(), fingerprints.Keys.Order());
            foreach (var (line, fingerprint) in fingerprints)
            {
                var hash = expected[line - 1];
                Assert.Equal(new LineFingerprint(hash, expected.Take(line).Count(other => other == hash)), fingerprint);
            }
        }
    }

    /// <summary>
    /// Every line's hash by the rolling computation of GitHub's upload-sarif, kept simple: a window of the last 100
    /// characters read, and each line's hash taken once the window holds its first 100.
    /// </summary>
    private static ulong[] RollingHashes(string text)
    {
        var read = new List<int>();
        var lineStarts = new List<int>();
        var lineStart = true;
        for (var i = 0; i <= text.Length; i++)
        {
            int current = i < text.Length ? text[i] : 65535;
            if (current is ' ' or '\t' || (current == '\n' && i > 0 && text[i - 1] == '\r'))
            {
                continue;
            }

            if (lineStart)
            {
                lineStarts.Add(read.Count);
            }

            current = current == '\r' ? '\n' : current;
            lineStart = current == '\n';
            read.Add(current);
        }

        return [.. lineStarts.Select(start => Enumerable.Range(start, 100).Aggregate(0UL, (hash, i) => unchecked((hash * 37) + (ulong)(i < read.Count ? read[i] : 0))))];
    }
}
