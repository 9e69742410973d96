using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Fixes;

namespace AlloyLint.Rules.Engine;

/// <summary>A finding of a rule in one file, with its effective severity and an optional fix on that file.</summary>
public sealed record LintDiagnostic(RuleMetadata Rule, Severity Severity, SourceText Source, TextSpan Span, string Message, Fix? Fix = null)
{
    public LinePosition Start => Source.GetPosition(Span.Start);

    public LinePosition End => Source.GetPosition(Span.End);

    /// <summary>
    /// The order findings are reported in: by path (ordinal), then where they start, then rule ID. Sort stably with
    /// it (<see cref="InReportOrder"/>), so that findings of one rule at one place keep the order the rule reported
    /// them in.
    /// </summary>
    public static IComparer<LintDiagnostic> ReportOrder { get; } = Comparer<LintDiagnostic>.Create(static (left, right) =>
    {
        var byPath = string.CompareOrdinal(left.Source.Path, right.Source.Path);
        if (byPath != 0)
        {
            return byPath;
        }

        var byStart = left.Span.Start.CompareTo(right.Span.Start);
        return byStart != 0 ? byStart : string.CompareOrdinal(left.Rule.Id, right.Rule.Id);
    });

    /// <summary>
    /// The findings sorted stably by <see cref="ReportOrder"/>. Paths and rule IDs are ranked once, so the sort
    /// compares integers: a large file's tens of thousands of findings are sorted at the end of the run, on one core.
    /// </summary>
    public static LintDiagnostic[] InReportOrder(IReadOnlyList<LintDiagnostic> findings)
    {
        // Sorted by path and start as one number, which the sort compares without calling a comparer; the findings
        // at one place (a handful at most) are then put in order by rule ID and, for one rule, as reported.
        var pathRanks = Ranks(findings, static finding => finding.Source.Path);
        var places = new ulong[findings.Count];
        var order = new int[findings.Count];
        for (var index = 0; index < order.Length; index++)
        {
            var finding = findings[index];
            places[index] = ((ulong)pathRanks[finding.Source.Path] << 32) | (uint)finding.Span.Start;
            order[index] = index;
        }

        Array.Sort(places, order);
        var ruleRanks = Ranks(findings, static finding => finding.Rule.Id);
        Comparison<int> byRuleThenAsReported = (left, right) =>
        {
            var byRule = ruleRanks[findings[left].Rule.Id].CompareTo(ruleRanks[findings[right].Rule.Id]);
            return byRule != 0 ? byRule : left.CompareTo(right);
        };
        for (var start = 0; start < places.Length;)
        {
            var end = start + 1;
            while (end < places.Length && places[end] == places[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                order.AsSpan(start, end - start).Sort(byRuleThenAsReported);
            }

            start = end;
        }

        var sorted = new LintDiagnostic[order.Length];
        for (var index = 0; index < order.Length; index++)
        {
            sorted[index] = findings[order[index]];
        }

        return sorted;
    }

    private static Dictionary<string, int> Ranks(IReadOnlyList<LintDiagnostic> findings, Func<LintDiagnostic, string> text)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < findings.Count; index++)
        {
            distinct.Add(text(findings[index]));
        }

        var ordered = distinct.ToArray();
        Array.Sort(ordered, StringComparer.Ordinal);
        var ranks = new Dictionary<string, int>(ordered.Length, StringComparer.Ordinal);
        for (var rank = 0; rank < ordered.Length; rank++)
        {
            ranks[ordered[rank]] = rank;
        }

        return ranks;
    }
}
