using AlloyLint.Cli.Discovery;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;

namespace AlloyLint.Cli.Reporting;

/// <summary>Everything a reporter shows: findings in output order, files that could not be read, and every known rule.</summary>
internal sealed record LintReport(
    IReadOnlyList<LintDiagnostic> Diagnostics,
    IReadOnlyList<PathProblem> Problems,
    int FileCount,
    IReadOnlyList<RuleMetadata> Rules,
    int FixesApplied = 0)
{
    public int Count(Severity severity) => Diagnostics.Count(diagnostic => diagnostic.Severity == severity);
}

/// <summary>How to render: paths are made relative to <see cref="WorkingDirectory"/> where a format needs it.</summary>
internal sealed record ReportOptions(string WorkingDirectory, bool Color = false, bool Quiet = false, bool UnsafeFixes = false);

internal interface IReporter
{
    void Write(LintReport report, TextWriter output);
}

internal static class SeverityNames
{
    public static string Name(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}
