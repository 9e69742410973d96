using System.Numerics;

namespace AlloyLint.Cli.IO;

/// <summary>
/// A unified diff (<c>diff -u</c> style, three lines of context) between two texts, compared line by line
/// with line endings included. The lines both texts start and end with are skipped unsplit, but for the context
/// next to the changes; the lines between are matched with Myers' O(ND) algorithm in its linear-space form
/// (middle snakes). The search depth of each step is capped so that a file changed on nearly every line
/// still diffs quickly, at the cost of a diff that is correct but not always minimal. Lines are spans of the
/// texts and the diff is written as it is found: no line is copied, so a large file costs little more memory.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff, or "" when the texts are equal.</summary>
    public static string Create(string oldText, string newText, string oldLabel, string newLabel)
    {
        using var output = new StringWriter();
        Write(output, oldText, newText, oldLabel, newLabel);
        return output.ToString();
    }

    /// <summary>Writes the diff to <paramref name="output"/>; nothing when the texts are equal.</summary>
    public static void Write(TextWriter output, string oldText, string newText, string oldLabel, string newLabel)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        if (oldText == newText)
        {
            return;
        }

        var (start, oldEnd, newEnd) = ChangedRegion(oldText, newText);
        var oldLines = new Lines(oldText, start, oldEnd);
        var newLines = new Lines(newText, start, newEnd);
        var (a, b) = LineIds(oldLines, newLines);
        var deleted = new bool[a.Length];
        var inserted = new bool[b.Length];
        new Matcher(a, b, deleted, inserted).Diff(0, a.Length, 0, b.Length);

        output.Write("--- ");
        output.Write(oldLabel);
        output.Write("\n+++ ");
        output.Write(newLabel);
        output.Write('\n');
        WriteHunks(output, oldLines, newLines, deleted, inserted, firstLine: oldText.AsSpan(0, start).Count('\n'));
    }

    /// <summary>
    /// The part of each text from the first line that differs to the last, with up to <see cref="Context"/> lines
    /// around: it starts at the same offset in both, and what follows it is the same in both.
    /// </summary>
    private static (int Start, int OldEnd, int NewEnd) ChangedRegion(string oldText, string newText)
    {
        // The first line that differs starts after the last line break of what both texts start with; the lines that
        // are the same to the end start after the first line break of what both end with (past that first line).
        var firstChanged = oldText.AsSpan(0, oldText.AsSpan().CommonPrefixLength(newText)).LastIndexOf('\n') + 1;
        var commonEnd = CommonSuffixLength(oldText.AsSpan(firstChanged), newText.AsSpan(firstChanged));
        var lineBreak = oldText.AsSpan(oldText.Length - commonEnd).IndexOf('\n');
        var unchangedEnd = lineBreak < 0 ? 0 : commonEnd - lineBreak - 1;

        var start = firstChanged;
        for (var line = 0; line < Context && start > 0; line++)
        {
            start = oldText.AsSpan(0, start - 1).LastIndexOf('\n') + 1;
        }

        var oldEnd = oldText.Length - unchangedEnd;
        for (var line = 0; line < Context && oldEnd < oldText.Length; line++)
        {
            var next = oldText.AsSpan(oldEnd).IndexOf('\n');
            oldEnd = next < 0 ? oldText.Length : oldEnd + next + 1;
        }

        return (start, oldEnd, oldEnd + newText.Length - oldText.Length);
    }

    private static int CommonSuffixLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // Compared a block at a time, so that a long common end is compared with vector instructions.
        const int Block = 1024;
        var length = Math.Min(a.Length, b.Length);
        var common = 0;
        while (common + Block <= length && a[^(common + Block)..^common].SequenceEqual(b[^(common + Block)..^common]))
        {
            common += Block;
        }

        while (common < length && a[^(common + 1)] == b[^(common + 1)])
        {
            common++;
        }

        return common;
    }

    /// <summary>
    /// Numbers the lines of both texts so that equal lines get the same number: that of the first of them, counting
    /// the old lines first. A hash table of line numbers, compared by their text, so no line is copied into a key.
    /// </summary>
    private static (int[] Old, int[] New) LineIds(Lines oldLines, Lines newLines)
    {
        var total = oldLines.Count + newLines.Count;
        var slots = new int[BitOperations.RoundUpToPowerOf2((uint)(total + (total / 2) + 1))]; // 1 + a line number, or 0 if free
        var mask = slots.Length - 1;
        var oldIds = new int[oldLines.Count];
        var newIds = new int[newLines.Count];
        for (var line = 0; line < oldIds.Length; line++)
        {
            oldIds[line] = Id(line);
        }

        for (var line = 0; line < newIds.Length; line++)
        {
            newIds[line] = Id(oldIds.Length + line);
        }

        return (oldIds, newIds);

        ReadOnlySpan<char> Text(int number) => number < oldLines.Count ? oldLines[number] : newLines[number - oldLines.Count];

        int Id(int number)
        {
            var text = Text(number);
            var slot = string.GetHashCode(text) & mask;
            for (; slots[slot] != 0; slot = (slot + 1) & mask)
            {
                if (Text(slots[slot] - 1).SequenceEqual(text))
                {
                    return slots[slot] - 1;
                }
            }

            slots[slot] = number + 1;
            return number;
        }
    }

    /// <summary>Writes the hunks; <paramref name="firstLine"/> is how many lines come before the first of <paramref name="oldLines"/>.</summary>
    private static void WriteHunks(TextWriter output, Lines oldLines, Lines newLines, bool[] deleted, bool[] inserted, int firstLine)
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
            output.Write("@@ -");
            WriteRange(output, firstLine + oldFrom, oldTo - oldFrom);
            output.Write(" +");
            WriteRange(output, firstLine + newFrom, newTo - newFrom);
            output.Write(" @@\n");

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

    /// <summary>A hunk's range: the 1-based first line and the count, which is left out when 1.</summary>
    private static void WriteRange(TextWriter output, int start, int count)
    {
        output.WriteNumber(count == 0 ? start : start + 1);
        if (count != 1)
        {
            output.Write(',');
            output.WriteNumber(count);
        }
    }

    private static void WriteLine(TextWriter output, char prefix, ReadOnlySpan<char> line)
    {
        output.Write(prefix);
        output.Write(line);
        if (!line.EndsWith('\n'))
        {
            output.Write("\n\\ No newline at end of file\n");
        }
    }

    /// <summary>The lines of a part of a text, as spans of it, each with its line break if it has one.</summary>
    private sealed class Lines
    {
        private readonly string _text;
        private readonly int[] _starts; // where each line starts, then where the last ends

        public Lines(string text, int start, int end)
        {
            _text = text;
            var part = text.AsSpan(start, end - start);
            _starts = new int[part.Count('\n') + (part.IsEmpty || part[^1] == '\n' ? 1 : 2)];
            _starts[0] = start;
            for (var line = 1; line < _starts.Length; line++)
            {
                var next = text.AsSpan(start, end - start).IndexOf('\n');
                start = next < 0 ? end : start + next + 1;
                _starts[line] = start;
            }
        }

        public int Count => _starts.Length - 1;

        public ReadOnlySpan<char> this[int line] => _text.AsSpan(_starts[line], _starts[line + 1] - _starts[line]);
    }

    /// <summary>Linear-space Myers: marks the lines of a deleted and of b inserted.</summary>
    private sealed class Matcher(int[] a, int[] b, bool[] deleted, bool[] inserted)
    {
        private const int MinimumCostLimit = 256;

        // The diagonals of Split's forward and backward searches, kept from one call to the next.
        private int[] _forward = [];
        private int[] _backward = [];

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

            // From d = 1 on, the best point found is off the start, so the search returns at d = costLimit at the
            // latest and needs no more diagonals than that.
            var depth = Math.Min(maxD, costLimit + 1);
            var offset = depth + 1;
            if (_forward.Length < (2 * depth) + 3)
            {
                _forward = new int[(2 * depth) + 3];
                _backward = new int[(2 * depth) + 3];
            }

            var forward = _forward.AsSpan(0, (2 * depth) + 3);
            var backward = _backward.AsSpan(0, (2 * depth) + 3);
            forward.Fill(-1);
            backward.Fill(-1);
            forward[offset + 1] = 0;
            backward[offset + 1] = 0;
            var delta = n - m;
            var checkOnForward = (delta & 1) != 0;
            int kForwardStart = 0, kForwardEnd = 0, kBackwardStart = 0, kBackwardEnd = 0;
            int bestX = 0, bestY = 0;

            for (var d = 0; d < depth; d++)
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
