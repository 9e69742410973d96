using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Fixes;

namespace AlloyLint.Rules.Engine;

/// <summary>A finding of a rule in one file, with its effective severity and an optional fix on that file.</summary>
public sealed record LintDiagnostic(RuleMetadata Rule, Severity Severity, SourceText Source, TextSpan Span, string Message, Fix? Fix = null)
{
    public LinePosition Start => Source.GetPosition(Span.Start);

    public LinePosition End => Source.GetPosition(Span.End);
}
