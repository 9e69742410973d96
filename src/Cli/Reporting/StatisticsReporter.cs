using AlloyLint.Rules.Fixes;

namespace AlloyLint.Cli.Reporting;

/// <summary>Counts per rule, most frequent first (<c>--statistics</c>); <c>[*]</c> marks rules whose findings all have a fix.</summary>
internal sealed class StatisticsReporter : IReporter
{
    public void Write(LintReport report, TextWriter output)
    {
        var rows = report.Diagnostics
            .GroupBy(diagnostic => diagnostic.Rule.Id, StringComparer.Ordinal)
            .Select(group => (Rule: group.First().Rule, Count: group.Count(), Fixable: group.All(diagnostic => diagnostic.Fix?.Applicability == Applicability.Safe)))
            .OrderByDescending(row => row.Count)
            .ThenBy(row => row.Rule.Id, StringComparer.Ordinal)
            .ToList();
        var width = rows.Count == 0 ? 1 : rows.Max(row => row.Count).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        foreach (var (rule, count, fixable) in rows)
        {
            output.WriteLine($"{count.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width)}\t{rule.Id}\t{(fixable ? "[*] " : string.Empty)}{rule.Name}");
        }
    }
}
