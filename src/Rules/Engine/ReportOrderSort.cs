namespace AlloyLint.Rules.Engine;

/// <summary>
/// Sorts findings into <see cref="LintDiagnostic.ReportOrder"/>, stably, by merging the runs already in that order.
/// Each rule reports in source order, so a configuration's findings come as a few long runs: merging them takes about
/// one comparison per finding, where a general sort takes dozens (each through an interface and a delegate in LINQ's).
/// </summary>
internal static class ReportOrderSort
{
    public static LintDiagnostic[] Sort(List<LintDiagnostic> findings)
    {
        var source = findings.ToArray();
        var runStarts = new List<int> { 0 };
        for (var i = 1; i < source.Length; i++)
        {
            if (LintDiagnostic.CompareReportOrder(source[i - 1], source[i]) > 0)
            {
                runStarts.Add(i);
            }
        }

        if (runStarts.Count == 1)
        {
            return source;
        }

        // Merge neighbouring runs pairwise, back and forth between the two arrays, until one run is left.
        var target = new LintDiagnostic[source.Length];
        while (runStarts.Count > 1)
        {
            var merged = new List<int>((runStarts.Count + 1) / 2);
            for (var run = 0; run < runStarts.Count; run += 2)
            {
                var start = runStarts[run];
                var middle = run + 1 < runStarts.Count ? runStarts[run + 1] : source.Length;
                var end = run + 2 < runStarts.Count ? runStarts[run + 2] : source.Length;
                Merge(source, start, middle, end, target);
                merged.Add(start);
            }

            (source, target, runStarts) = (target, source, merged);
        }

        return source;
    }

    /// <summary>Merges the runs <c>[start, middle)</c> and <c>[middle, end)</c> of <paramref name="source"/> into the same place in <paramref name="target"/>, the left run first on ties.</summary>
    private static void Merge(LintDiagnostic[] source, int start, int middle, int end, LintDiagnostic[] target)
    {
        var (left, right) = (start, middle);
        for (var at = start; at < end; at++)
        {
            target[at] = right >= end || (left < middle && LintDiagnostic.CompareReportOrder(source[left], source[right]) <= 0)
                ? source[left++]
                : source[right++];
        }
    }
}
