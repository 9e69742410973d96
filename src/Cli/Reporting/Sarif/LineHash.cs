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
    /// The fingerprints of <paramref name="lines"/> (1-based) given every line's hash: a large file has far more lines
    /// than findings, so only the hashes of the lines asked for are counted.
    /// </summary>
    public static Dictionary<int, LineFingerprint> Fingerprints(ulong[] hashes, IEnumerable<int> lines)
    {
        var wanted = lines.Where(line => line >= 1 && line <= hashes.Length).ToHashSet();
        var counts = new Dictionary<ulong, int>();
        foreach (var line in wanted)
        {
            counts[hashes[line - 1]] = 0;
        }

        var fingerprints = new Dictionary<int, LineFingerprint>(wanted.Count);
        for (var line = 1; line <= hashes.Length; line++)
        {
            var hash = hashes[line - 1];
            if (counts.TryGetValue(hash, out var count))
            {
                counts[hash] = ++count;
                if (wanted.Contains(line))
                {
                    fingerprints[line] = new LineFingerprint(hash, count);
                }
            }
        }

        return fingerprints;
    }

    /// <summary>Every line's rolling hash, indexed by line number − 1, before repeats are counted.</summary>
    public static ulong[] Hashes(string text)
    {
        var firstMod = 1UL;
        for (var i = 0; i < BlockSize; i++)
        {
            firstMod = unchecked(firstMod * Multiplier);
        }

        // Each line starts with a character after a line break (or the text's start): at most one line per break.
        var hashes = new ulong[text.AsSpan().Count('\n') + text.AsSpan().Count('\r') + 1];
        var window = new int[BlockSize];
        var lineStarting = new int[BlockSize]; // at each window slot, the line whose first character it holds, or 0
        ulong hash = 0;
        var index = 0;
        var lineCount = 0;
        var lineStart = true;
        var previousWasCr = false;

        for (var position = 0; position <= text.Length; position++)
        {
            int current = position < text.Length ? text[position] : EndOfFile;
            if (current is ' ' or '\t' || (previousWasCr && current == '\n'))
            {
                previousWasCr = false;
                continue;
            }

            previousWasCr = current == '\r';
            if (previousWasCr)
            {
                current = '\n';
            }

            // The window now holds the 100 characters from the start of the line that entered it 100 characters ago.
            if (lineStarting[index] != 0)
            {
                hashes[lineStarting[index] - 1] = hash;
                lineStarting[index] = 0;
            }

            if (lineStart)
            {
                lineStart = false;
                lineStarting[index] = ++lineCount;
            }

            lineStart = current == '\n';
            hash = unchecked((Multiplier * hash) + (ulong)current - (firstMod * (ulong)window[index]));
            window[index] = current;
            index = index + 1 == BlockSize ? 0 : index + 1;
        }

        // The last lines' windows run past the end, which reads as zeros.
        for (var i = 0; i < BlockSize; i++)
        {
            if (lineStarting[index] != 0)
            {
                hashes[lineStarting[index] - 1] = hash;
                lineStarting[index] = 0;
            }

            hash = unchecked((Multiplier * hash) - (firstMod * (ulong)window[index]));
            window[index] = 0;
            index = index + 1 == BlockSize ? 0 : index + 1;
        }

        return hashes.AsSpan(0, lineCount).ToArray();
    }
}

/// <summary>A line's rolling hash and how many lines up to it have the same (from 1).</summary>
internal readonly record struct LineFingerprint(ulong Hash, int Occurrence)
{
    /// <summary>As GitHub prints it: the hash in hex, a colon and the occurrence.</summary>
    public override string ToString() => $"{Hash:x}:{Occurrence}";
}
