using AlloyLint.Parser.Text;

namespace AlloyLint.Parser.Diagnostics;

/// <summary>A problem at a span of one source file. <see cref="Code"/> is the rule ID, e.g. "AL001".</summary>
public sealed record Diagnostic(string Code, Severity Severity, TextSpan Span, string Message);
