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
        var pathRanks = Ranks(findings, static finding => finding.Source.Path);
        var ruleRanks = Ranks(findings, static finding => finding.Rule.Id);
        var keys = new ReportKey[findings.Count];
        for (var index = 0; index < keys.Length; index++)
        {
            var finding = findings[index];
            keys[index] = new ReportKey(pathRanks[finding.Source.Path], finding.Span.Start, ruleRanks[finding.Rule.Id], index);
        }

        Array.Sort(keys);
        var sorted = new LintDiagnostic[keys.Length];
        for (var index = 0; index < keys.Length; index++)
        {
            sorted[index] = findings[keys[index].Index];
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

    /// <summary>A finding's place in <see cref="ReportOrder"/>; its index in the unsorted list keeps the sort stable.</summary>
    private readonly record struct ReportKey(int Path, int Start, int Rule, int Index) : IComparable<ReportKey>
    {
        public int CompareTo(ReportKey other)
        {
            var byPath = Path.CompareTo(other.Path);
            if (byPath != 0)
            {
                return byPath;
            }

            var byStart = Start.CompareTo(other.Start);
            if (byStart != 0)
            {
                return byStart;
            }

            var byRule = Rule.CompareTo(other.Rule);
            return byRule != 0 ? byRule : Index.CompareTo(other.Index);
        }
    }
}
