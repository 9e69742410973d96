using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using Xunit;

namespace AlloyLint.Rules.Tests.Engine;

public sealed class ReportOrderSortTests
{
    private static readonly SourceText[] Sources = [SourceText.From("a = 1\n", "a.alloy"), SourceText.From("a = 1\n", "B.alloy"), SourceText.From("a = 1\n", "c.alloy")];
    private static readonly RuleMetadata[] Rules = [.. new[] { "AL001", "AL002", "AL010", "AL101" }.Select(id => new RuleMetadata(id, id.ToLowerInvariant(), RuleCategory.Style, Severity.Warning, "x"))];

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(500, 1)]
    [InlineData(500, 3)]
    [InlineData(2000, 40)]
    [InlineData(2000, 2000)]
    public void Sorts_as_a_stable_sort_does_whatever_runs_the_findings_come_in(int count, int rules)
    {
        var random = new Random(count * 31 + rules);

        // Each "rule" reports its findings sorted, as rules do, but not always: some lists are shuffled.
        var findings = new List<LintDiagnostic>();
        for (var rule = 0; rule < rules; rule++)
        {
            var reported = Enumerable.Range(0, count / rules)
                .Select(i => new LintDiagnostic(Rules[random.Next(Rules.Length)], Severity.Warning, Sources[random.Next(Sources.Length)], new TextSpan(random.Next(30), 1), $"{rule}/{i}"))
                .ToList();
            findings.AddRange(random.Next(3) == 0 ? reported : reported.Order(LintDiagnostic.ReportOrder));
        }

        var expected = findings.Order(LintDiagnostic.ReportOrder).ToList();
        var sorted = ReportOrderSort.Sort(findings);

        Assert.Equal(expected.Count, sorted.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Same(expected[i], sorted[i]);
        }
    }
}
