using AlloyLint.Cli.IO;
using Xunit;

namespace AlloyLint.Cli.Tests.IO;

public class UnifiedDiffTests
{
    [Fact]
    public void EqualTextsGiveNoDiff() => Assert.Equal("", UnifiedDiff.Create("a\nb\n", "a\nb\n", "a", "b"));

    [Fact]
    public void OneChangedLineHasThreeLinesOfContext()
    {
        var old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        var @new = "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n";
        Assert.Equal(
            "--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+FIVE\n 6\n 7\n 8\n",
            UnifiedDiff.Create(old, @new, "old", "new"));
    }

    [Fact]
    public void DistantChangesMakeSeparateHunksAndCloseOnesMerge()
    {
        var old = string.Concat(Enumerable.Range(1, 20).Select(i => $"{i}\n"));
        var far = old.Replace("2\n", "two\n", StringComparison.Ordinal).Replace("18\n", "eighteen\n", StringComparison.Ordinal);
        var farDiff = UnifiedDiff.Create(old, far, "a", "b");
        Assert.Equal(2, farDiff.Split('\n').Count(line => line.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n", farDiff, StringComparison.Ordinal);

        var near = old.Replace("\n5\n", "\nfive\n", StringComparison.Ordinal).Replace("\n11\n", "\neleven\n", StringComparison.Ordinal);
        Assert.Single(UnifiedDiff.Create(old, near, "a", "b").Split('\n'), line => line.StartsWith("@@", StringComparison.Ordinal));
    }

    [Fact]
    public void InsertionIntoEmptyFileAndMissingFinalNewline()
    {
        Assert.Equal("--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n", UnifiedDiff.Create("", "x\n", "a", "b"));
        Assert.Equal(
            "--- a\n+++ b\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n",
            UnifiedDiff.Create("x", "x\n", "a", "b"));
    }

    [Fact]
    public void LineEndingChangesAreDifferences()
    {
        var diff = UnifiedDiff.Create("a\r\nb\r\n", "a\nb\n", "a", "b");
        Assert.Contains("-a\r\n", diff, StringComparison.Ordinal);
        Assert.Contains("+a\n", diff, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomEditsRoundTripThroughThePatch(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var old = RandomLines(random, random.Next(0, 40));
            var edited = Edited(random, old, random.Next(1, 8), RandomLine);

            var oldText = string.Concat(old);
            var newText = string.Concat(edited);
            var diff = UnifiedDiff.Create(oldText, newText, "a", "b");
            Assert.Equal(newText, Apply(oldText, diff));
        }
    }

    [Fact]
    public void LargeFileChangedOnEveryLineStillRoundTrips()
    {
        var old = string.Concat(Enumerable.Range(0, 60_000).Select(i => $"  line {i}\n"));
        var @new = string.Concat(Enumerable.Range(0, 60_000).Select(i => i % 1000 == 0 ? $"\tline {i}\nextra\n" : $"\tline {i}\n"));
        Assert.Equal(@new, Apply(old, UnifiedDiff.Create(old, @new, "a", "b")));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("", "a")]
    [InlineData("a", "")]
    [InlineData("a", "b")]
    [InlineData("a\n", "a")]
    [InlineData("a\nb\nc\n", "a\nb\nc")]
    [InlineData("a\r\nb\r\n", "a\nb\n")]
    [InlineData("a\nb\n", "a\r\nb\r\n")]
    [InlineData("x\ny", "z\ny")]
    [InlineData("y", "z\ny")]
    [InlineData("a\ny", "a\nzy")]
    [InlineData("1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\n5\n6\n7\n8\n9\n")]
    [InlineData("1\n2\n3\n4\n5\n6\n7\n8\n", "0\n1\n2\n3\n4\n5\n6\n7\n8\n")]
    [InlineData("1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\n5\n6\n7\n8")]
    [InlineData("1\n2\n3\n4\nX\n5\n6\n7\n8\n", "1\n2\n3\n4\n5\n6\n7\n8\n")]
    [InlineData("a\nb\nb\nb\nb\nc\n", "a\nb\nb\nb\nc\n")]
    public void EdgeCasesGiveTheSameDiffAsBefore(string oldText, string newText) =>
        Assert.Equal(ReferenceUnifiedDiff.Create(oldText, newText, "a", "b"), UnifiedDiff.Create(oldText, newText, "a", "b"));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomEditsGiveTheSameDiffAsBefore(int seed)
    {
        // Few distinct lines, CR LF and LF mixed, and sometimes no final newline: many equal lines to match, and
        // common starts and ends that end inside a line.
        var random = new Random(seed);
        for (var round = 0; round < 500; round++)
        {
            var old = Enumerable.Range(0, random.Next(0, 60)).Select(_ => MixedLine(random)).ToList();
            var edited = Edited(random, old, random.Next(0, 6), MixedLine);

            var oldText = WithoutFinalNewline(random, string.Concat(old));
            var newText = WithoutFinalNewline(random, string.Concat(edited));
            Assert.Equal(ReferenceUnifiedDiff.Create(oldText, newText, "a", "b"), UnifiedDiff.Create(oldText, newText, "a", "b"));
        }
    }

    [Fact]
    public void LargeFilesGiveTheSameDiffAsBefore()
    {
        var old = string.Concat(Enumerable.Range(0, 60_000).Select(i => $"  line {i % 5000}\n"));
        var everyLine = string.Concat(Enumerable.Range(0, 60_000).Select(i => i % 1000 == 0 ? $"\tline {i % 5000}\nextra\n" : $"\tline {i % 5000}\n"));
        var ends = "first\n" + old[..^1] + "\r\n";
        var middle = old[..300_000] + "changed\n" + old[300_000..];
        foreach (var @new in new[] { everyLine, ends, middle, old.Replace("\n", "\r\n", StringComparison.Ordinal) })
        {
            Assert.Equal(ReferenceUnifiedDiff.Create(old, @new, "a", "b"), UnifiedDiff.Create(old, @new, "a", "b"));
        }
    }

    private static string MixedLine(Random random) =>
        (random.Next(5) == 0 ? "" : $"l{random.Next(6)}") + (random.Next(4) == 0 ? "\r\n" : "\n");

    private static string WithoutFinalNewline(Random random, string text) =>
        random.Next(4) == 0 ? text.TrimEnd('\n').TrimEnd('\r') : text;

    /// <summary>A copy of <paramref name="lines"/> with lines inserted, removed or replaced at random places.</summary>
    private static List<string> Edited(Random random, List<string> lines, int edits, Func<Random, string> newLine)
    {
        var edited = lines.ToList();
        for (; edits > 0; edits--)
        {
            var at = random.Next(0, edited.Count + 1);
            switch (random.Next(3))
            {
                case 0:
                    edited.Insert(at, newLine(random));
                    break;
                case 1 when at < edited.Count:
                    edited.RemoveAt(at);
                    break;
                case 2 when at < edited.Count:
                    edited[at] = newLine(random);
                    break;
            }
        }

        return edited;
    }

    private static List<string> RandomLines(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => RandomLine(random)).ToList();

    private static string RandomLine(Random random) => random.Next(6) switch
    {
        0 => "}\n",
        1 => "\n",
        _ => $"line {random.Next(12)}\n",
    };

    /// <summary>A minimal patch applier: checks every context and removed line against the old text.</summary>
    private static string Apply(string oldText, string diff)
    {
        if (diff.Length == 0)
        {
            return oldText;
        }

        var oldLines = ReferenceUnifiedDiff.SplitLines(oldText);
        var result = new List<string>();
        var diffLines = ReferenceUnifiedDiff.SplitLines(diff);
        Assert.StartsWith("--- ", diffLines[0], StringComparison.Ordinal);
        Assert.StartsWith("+++ ", diffLines[1], StringComparison.Ordinal);
        var oldIndex = 0;
        for (var i = 2; i < diffLines.Count;)
        {
            var header = diffLines[i++];
            Assert.StartsWith("@@ -", header, StringComparison.Ordinal);
            var oldRange = header.Split(' ')[1][1..].Split(',');
            var oldStart = int.Parse(oldRange[0], System.Globalization.CultureInfo.InvariantCulture);
            var oldCount = oldRange.Length > 1 ? int.Parse(oldRange[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
            var hunkStart = oldCount == 0 ? oldStart : oldStart - 1;
            while (oldIndex < hunkStart)
            {
                result.Add(oldLines[oldIndex++]);
            }

            while (i < diffLines.Count && !diffLines[i].StartsWith("@@", StringComparison.Ordinal))
            {
                var line = diffLines[i++];
                var body = line[1..];
                if (i < diffLines.Count && diffLines[i] == "\\ No newline at end of file\n")
                {
                    body = body[..^1];
                    i++;
                }

                switch (line[0])
                {
                    case ' ':
                        Assert.Equal(oldLines[oldIndex++], body);
                        result.Add(body);
                        break;
                    case '-':
                        Assert.Equal(oldLines[oldIndex++], body);
                        break;
                    case '+':
                        result.Add(body);
                        break;
                    default:
                        Assert.Fail($"unexpected diff line {line}");
                        break;
                }
            }
        }

        while (oldIndex < oldLines.Count)
        {
            result.Add(oldLines[oldIndex++]);
        }

        return string.Concat(result);
    }
}
