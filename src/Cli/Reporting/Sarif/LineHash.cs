using System.Globalization;
using System.Runtime.CompilerServices;
using AlloyLint.Parser.Text;

namespace AlloyLint.Cli.Reporting.Sarif;

/// <summary>
/// GitHub's <c>primaryLocationLineHash</c>: a rolling hash over the 100 non-blank UTF-16 code units starting at
/// each line (spaces and tabs skipped, CR LF and CR read as LF), printed as unsigned hex with a 1-based count of
/// earlier lines with the same hash. Matches what upload-sarif computes, so alerts stay stable across runs.
/// </summary>
internal static class LineHash
{
    private const int BlockSize = 100;
    private const ulong Multiplier = 37;
    private const int EndOfFile = 65535;

    /// <summary>
    /// The fingerprints of <paramref name="lines"/> (1-based; lines past the last are left out). A large file has far
    /// more lines than findings, so no hash is kept per line: each line asked for is hashed on its own first, then one
    /// rolling pass up to the last of them counts the lines with those hashes.
    /// </summary>
    public static Dictionary<int, LineFingerprint> Fingerprints(SourceText text, IEnumerable<int> lines)
    {
        var ascending = lines.Where(line => line >= 1).ToArray();
        Array.Sort(ascending);
        var wanted = LineStarts(text, ascending);
        var counts = new Dictionary<ulong, int>(wanted.Count);
        foreach (var (_, start) in wanted)
        {
            counts[HashFrom(text, start)] = 0;
        }

        var fingerprints = new Dictionary<int, LineFingerprint>(wanted.Count);
        if (wanted.Count == 0)
        {
            return fingerprints;
        }

        var firstMod = 1UL;
        for (var i = 0; i < BlockSize; i++)
        {
            firstMod = unchecked(firstMod * Multiplier);
        }

        var window = new int[BlockSize];
        var lineStarting = new int[BlockSize]; // at each window slot, the line whose first character it holds, or 0
        ulong hash = 0;
        var index = 0;
        var lineCount = 0;
        var lineStart = true;
        var position = 0;
        var previousWasCr = false;

        while (position <= text.Length)
        {
            var current = Read(text, ref position, ref previousWasCr);

            // The window now holds the 100 characters from the start of the line that entered it 100 characters ago.
            if (lineStarting[index] != 0 && Count(lineStarting[index], hash))
            {
                return fingerprints;
            }

            lineStarting[index] = lineStart ? ++lineCount : 0;
            lineStart = current == '\n';
            hash = unchecked((Multiplier * hash) + (ulong)current - (firstMod * (ulong)window[index]));
            window[index] = current;
            index = index + 1 == BlockSize ? 0 : index + 1;
        }

        // The last lines' windows run past the end, which reads as zeros.
        for (var i = 0; i < BlockSize; i++)
        {
            if (lineStarting[index] != 0 && Count(lineStarting[index], hash))
            {
                return fingerprints;
            }

            lineStarting[index] = 0;
            hash = unchecked((Multiplier * hash) - (firstMod * (ulong)window[index]));
            window[index] = 0;
            index = index + 1 == BlockSize ? 0 : index + 1;
        }

        return fingerprints;

        // Counts a line's hash if it is one asked for; true once the last line asked for has its fingerprint.
        bool Count(int line, ulong lineHash)
        {
            if (!counts.TryGetValue(lineHash, out var count))
            {
                return false;
            }

            counts[lineHash] = ++count;
            if (line == wanted[fingerprints.Count].Line)
            {
                fingerprints[line] = new LineFingerprint(lineHash, count);
            }

            return fingerprints.Count == wanted.Count;
        }
    }

    /// <summary>
    /// Where each of <paramref name="ascendingLines"/> starts, once per line: after the text's (line − 1)th LF, CR LF
    /// or lone CR.
    /// </summary>
    private static List<(int Line, int Start)> LineStarts(SourceText text, int[] ascendingLines)
    {
        var starts = new List<(int Line, int Start)>(ascendingLines.Length);
        var (line, start) = (1, 0);
        foreach (var wanted in ascendingLines)
        {
            if (starts.Count > 0 && starts[^1].Line == wanted)
            {
                continue;
            }

            for (; line < wanted; line++)
            {
                var lineBreak = text.IndexOfAny('\r', '\n', start);
                if (lineBreak < 0)
                {
                    return starts;
                }

                start = lineBreak + 1;
                if (text[start - 1] == '\r' && start < text.Length && text[start] == '\n')
                {
                    start++;
                }
            }

            starts.Add((line, start));
        }

        return starts;
    }

    /// <summary>The hash of the 100 characters from <paramref name="start"/>: what the rolling hash is once they fill its window.</summary>
    private static ulong HashFrom(SourceText text, int start)
    {
        ulong hash = 0;
        var previousWasCr = false;
        for (var taken = 0; taken < BlockSize; taken++)
        {
            var current = start > text.Length ? 0 : Read(text, ref start, ref previousWasCr);
            hash = unchecked((Multiplier * hash) + (ulong)current);
        }

        return hash;
    }

    /// <summary>
    /// The character that the hash reads at or after <paramref name="position"/>, which moves past it: spaces, tabs and
    /// the LF of a CR LF are skipped, a CR reads as LF, and the end of the text as <see cref="EndOfFile"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Read(SourceText text, ref int position, ref bool previousWasCr)
    {
        for (; position < text.Length; position++)
        {
            var current = text[position];
            if (current is ' ' or '\t' || (previousWasCr && current == '\n'))
            {
                previousWasCr = false;
                continue;
            }

            position++;
            previousWasCr = current == '\r';
            return previousWasCr ? '\n' : current;
        }

        position++;
        return EndOfFile;
    }
}

/// <summary>A line's rolling hash and how many lines up to it have the same (from 1).</summary>
internal readonly record struct LineFingerprint(ulong Hash, int Occurrence)
{
    /// <summary>The most characters <see cref="TryFormat"/> writes: 16 hex digits, a colon and an int.</summary>
    public const int MaxLength = 27;

    /// <summary>As GitHub prints it: the hash in hex, a colon and the occurrence.</summary>
    public bool TryFormat(Span<char> destination, out int written) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"{Hash:x}:{Occurrence}", out written);

    public override string ToString()
    {
        Span<char> text = stackalloc char[MaxLength];
        TryFormat(text, out var length);
        return new string(text[..length]);
    }
}
