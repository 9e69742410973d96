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
    /// The fingerprint of every line of <paramref name="text"/>, indexed by line number − 1. Kept as numbers: a large
    /// file has far more lines than findings, and only the lines with a finding are printed.
    /// </summary>
    public static LineFingerprint[] Compute(string text)
    {
        var firstMod = 1UL;
        for (var i = 0; i < BlockSize; i++)
        {
            firstMod = unchecked(firstMod * Multiplier);
        }

        var window = new int[BlockSize];
        var lineNumbers = new int[BlockSize];
        Array.Fill(lineNumbers, -1);
        var hashes = new List<LineFingerprint>();
        var counts = new Dictionary<ulong, int>();
        ulong hash = 0;
        var index = 0;
        var lineNumber = 0;
        var lineStart = true;
        var previousWasCr = false;

        void Output()
        {
            counts[hash] = counts.GetValueOrDefault(hash) + 1;
            var line = lineNumbers[index];
            while (hashes.Count < line)
            {
                hashes.Add(default);
            }

            hashes[line - 1] = new LineFingerprint(hash, counts[hash]);
            lineNumbers[index] = -1;
        }

        void Update(int current)
        {
            var evicted = window[index];
            window[index] = current;
            hash = unchecked((Multiplier * hash) + (ulong)current - (firstMod * (ulong)evicted));
            index = (index + 1) % BlockSize;
        }

        void Process(int current)
        {
            if (current is ' ' or '\t' || (previousWasCr && current == '\n'))
            {
                previousWasCr = false;
                return;
            }

            previousWasCr = current == '\r';
            if (previousWasCr)
            {
                current = '\n';
            }

            if (lineNumbers[index] != -1)
            {
                Output();
            }

            if (lineStart)
            {
                lineStart = false;
                lineNumber++;
                lineNumbers[index] = lineNumber;
            }

            if (current == '\n')
            {
                lineStart = true;
            }

            Update(current);
        }

        foreach (var c in text)
        {
            Process(c);
        }

        Process(EndOfFile);
        for (var i = 0; i < BlockSize; i++)
        {
            if (lineNumbers[index] != -1)
            {
                Output();
            }

            Update(0);
        }

        return [.. hashes];
    }
}

/// <summary>A line's rolling hash and how many earlier lines have the same (from 1; 0 when the line has none).</summary>
internal readonly record struct LineFingerprint(ulong Hash, int Occurrence)
{
    /// <summary>As GitHub prints it: the hash in hex, a colon and the occurrence; empty for a line without one.</summary>
    public override string ToString() => Occurrence == 0 ? string.Empty : $"{Hash:x}:{Occurrence}";
}
