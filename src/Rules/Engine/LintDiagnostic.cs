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
    /// it (<see cref="Enumerable.Order{T}(IEnumerable{T}, IComparer{T})"/>), so that findings of one rule at one
    /// place keep the order the rule reported them in.
    /// </summary>
    public static IComparer<LintDiagnostic> ReportOrder { get; } = Comparer<LintDiagnostic>.Create(CompareReportOrder);

    /// <summary>The comparison of <see cref="ReportOrder"/>.</summary>
    internal static int CompareReportOrder(LintDiagnostic left, LintDiagnostic right)
    {
        var byPath = string.CompareOrdinal(left.Source.Path, right.Source.Path);
        if (byPath != 0)
        {
            return byPath;
        }

        var byStart = left.Span.Start.CompareTo(right.Span.Start);
        return byStart != 0 ? byStart : string.CompareOrdinal(left.Rule.Id, right.Rule.Id);
    }
}
