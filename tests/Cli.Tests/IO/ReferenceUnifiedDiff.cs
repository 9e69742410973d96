using System.Text;

namespace AlloyLint.Cli.Tests.IO;

/// <summary>
/// The unified diff as it was written before it learnt to skip the lines both texts start and end with (every line
/// split into a string, the whole diff built as one): the oracle that the property tests compare
/// <see cref="AlloyLint.Cli.IO.UnifiedDiff"/> with.
/// </summary>
internal static class ReferenceUnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff, or "" when the texts are equal.</summary>
    public static string Create(string oldText, string newText, string oldLabel, string newLabel)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        if (oldText == newText)
        {
            return "";
        }

        var oldLines = SplitLines(oldText);
        var newLines = SplitLines(newText);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var a = ToIds(oldLines, ids);
        var b = ToIds(newLines, ids);
        var deleted = new bool[a.Length];
        var inserted = new bool[b.Length];
        new Matcher(a, b, deleted, inserted).Diff(0, a.Length, 0, b.Length);

        var output = new StringBuilder();
        output.Append("--- ").Append(oldLabel).Append('\n');
        output.Append("+++ ").Append(newLabel).Append('\n');
        WriteHunks(output, oldLines, newLines, deleted, inserted);
        return output.ToString();
    }

    /// <summary>The lines of a text, each with its line break if it has one.</summary>
    internal static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }

    private static int[] ToIds(List<string> lines, Dictionary<string, int> ids)
    {
        var result = new int[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (!ids.TryGetValue(lines[i], out var id))
            {
                id = ids.Count;
                ids.Add(lines[i], id);
            }

            result[i] = id;
        }

        return result;
    }

    private static void WriteHunks(StringBuilder output, List<string> oldLines, List<string> newLines, bool[] deleted, bool[] inserted)
    {
        // Walk both files in step; a "change" is any run of deleted and/or inserted lines.
        var changes = new List<(int OldStart, int OldEnd, int NewStart, int NewEnd)>();
        int i = 0, j = 0;
        while (i < deleted.Length || j < inserted.Length)
        {
            if (i < deleted.Length && j < inserted.Length && !deleted[i] && !inserted[j])
            {
                i++;
                j++;
                continue;
            }

            int oldStart = i, newStart = j;
            while (i < deleted.Length && deleted[i])
            {
                i++;
            }

            while (j < inserted.Length && inserted[j])
            {
                j++;
            }

            changes.Add((oldStart, i, newStart, j));
        }

        var c = 0;
        while (c < changes.Count)
        {
            // Merge changes whose context would touch or overlap.
            var last = c;
            while (last + 1 < changes.Count && changes[last + 1].OldStart - changes[last].OldEnd <= 2 * Context)
            {
                last++;
            }

            var oldFrom = Math.Max(0, changes[c].OldStart - Context);
            var newFrom = changes[c].NewStart - (changes[c].OldStart - oldFrom);
            var oldTo = Math.Min(oldLines.Count, changes[last].OldEnd + Context);
            var newTo = changes[last].NewEnd + (oldTo - changes[last].OldEnd);
            output.Append("@@ -").Append(Range(oldFrom, oldTo - oldFrom))
                .Append(" +").Append(Range(newFrom, newTo - newFrom)).Append(" @@\n");

            var oldLine = oldFrom;
            var newLine = newFrom;
            for (var k = c; k <= last; k++)
            {
                var change = changes[k];
                while (oldLine < change.OldStart)
                {
                    WriteLine(output, ' ', oldLines[oldLine++]);
                    newLine++;
                }

                for (; oldLine < change.OldEnd; oldLine++)
                {
                    WriteLine(output, '-', oldLines[oldLine]);
                }

                for (; newLine < change.NewEnd; newLine++)
                {
                    WriteLine(output, '+', newLines[newLine]);
                }
            }

            while (oldLine < oldTo)
            {
                WriteLine(output, ' ', oldLines[oldLine++]);
            }

            c = last + 1;
        }
    }

    private static string Range(int start, int count) => count switch
    {
        0 => $"{start},0",
        1 => $"{start + 1}",
        _ => $"{start + 1},{count}",
    };

    private static void WriteLine(StringBuilder output, char prefix, string line)
    {
        output.Append(prefix).Append(line);
        if (!line.EndsWith('\n'))
        {
            output.Append("\n\\ No newline at end of file\n");
        }
    }

    /// <summary>Linear-space Myers: marks the lines of a deleted and of b inserted.</summary>
    private sealed class Matcher(int[] a, int[] b, bool[] deleted, bool[] inserted)
    {
        private const int MinimumCostLimit = 256;

        public void Diff(int aLow, int aHigh, int bLow, int bHigh)
        {
            while (true)
            {
                while (aLow < aHigh && bLow < bHigh && a[aLow] == b[bLow])
                {
                    aLow++;
                    bLow++;
                }

                while (aLow < aHigh && bLow < bHigh && a[aHigh - 1] == b[bHigh - 1])
                {
                    aHigh--;
                    bHigh--;
                }

                if (aLow == aHigh)
                {
                    Array.Fill(inserted, true, bLow, bHigh - bLow);
                    return;
                }

                if (bLow == bHigh)
                {
                    Array.Fill(deleted, true, aLow, aHigh - aLow);
                    return;
                }

                var (x, y) = Split(aLow, aHigh, bLow, bHigh);
                if ((x == aLow && y == bLow) || (x == aHigh && y == bHigh))
                {
                    (x, y) = (aLow + (aHigh - aLow + 1) / 2, bLow + (bHigh - bLow) / 2);
                }

                Diff(aLow, x, bLow, y);
                aLow = x;
                bLow = y;
            }
        }

        /// <summary>
        /// A point (x, y) strictly inside the edit graph through which a shortest (or, past the cost limit,
        /// a good) edit path passes.
        /// </summary>
        private (int X, int Y) Split(int aLow, int aHigh, int bLow, int bHigh)
        {
            var n = aHigh - aLow;
            var m = bHigh - bLow;
            var maxD = (n + m + 1) / 2;
            var costLimit = Math.Max(MinimumCostLimit, (int)Math.Sqrt(n + m));
            var offset = maxD + 1;
            var forward = new int[2 * maxD + 3];
            var backward = new int[2 * maxD + 3];
            Array.Fill(forward, -1);
            Array.Fill(backward, -1);
            forward[offset + 1] = 0;
            backward[offset + 1] = 0;
            var delta = n - m;
            var checkOnForward = (delta & 1) != 0;
            int kForwardStart = 0, kForwardEnd = 0, kBackwardStart = 0, kBackwardEnd = 0;
            int bestX = 0, bestY = 0;

            for (var d = 0; d < maxD; d++)
            {
                for (var k = -d + kForwardStart; k <= d - kForwardEnd; k += 2)
                {
                    var index = offset + k;
                    var x = k == -d || (k != d && forward[index - 1] < forward[index + 1])
                        ? forward[index + 1]
                        : forward[index - 1] + 1;
                    var y = x - k;
                    while (x < n && y < m && a[aLow + x] == b[bLow + y])
                    {
                        x++;
                        y++;
                    }

                    forward[index] = x;
                    if (x > n)
                    {
                        kForwardEnd += 2;
                    }
                    else if (y > m)
                    {
                        kForwardStart += 2;
                    }
                    else
                    {
                        if (x + y > bestX + bestY && (x < n || y < m))
                        {
                            (bestX, bestY) = (x, y);
                        }

                        if (checkOnForward)
                        {
                            var other = offset + delta - k;
                            if (other >= 0 && other < backward.Length && backward[other] != -1 && x >= n - backward[other])
                            {
                                return (aLow + x, bLow + y);
                            }
                        }
                    }
                }

                for (var k = -d + kBackwardStart; k <= d - kBackwardEnd; k += 2)
                {
                    var index = offset + k;
                    var x = k == -d || (k != d && backward[index - 1] < backward[index + 1])
                        ? backward[index + 1]
                        : backward[index - 1] + 1;
                    var y = x - k;
                    while (x < n && y < m && a[aHigh - x - 1] == b[bHigh - y - 1])
                    {
                        x++;
                        y++;
                    }

                    backward[index] = x;
                    if (x > n)
                    {
                        kBackwardEnd += 2;
                    }
                    else if (y > m)
                    {
                        kBackwardStart += 2;
                    }
                    else if (!checkOnForward)
                    {
                        var other = offset + delta - k;
                        if (other >= 0 && other < forward.Length && forward[other] != -1)
                        {
                            var forwardX = forward[other];
                            var forwardY = forwardX - (other - offset);
                            if (forwardX >= n - x)
                            {
                                return (aLow + forwardX, bLow + forwardY);
                            }
                        }
                    }
                }

                if (d >= costLimit && bestX + bestY > 0)
                {
                    // Too expensive to search on: split where the forward search got furthest.
                    return (aLow + bestX, bLow + bestY);
                }
            }

            // No common line at all: any interior point will do.
            return (aLow + (n + 1) / 2, bLow + m / 2);
        }
    }
}
