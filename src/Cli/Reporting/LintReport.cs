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

/// <summary>How to render. Paths below <see cref="WorkingDirectory"/> are shown relative to it, others in full.</summary>
internal sealed class ReportOptions(string workingDirectory, bool color = false, bool quiet = false, bool unsafeFixes = false)
{
    // Reporters ask once per finding, and findings share few paths.
    private readonly Dictionary<string, string> _displayPaths = new(StringComparer.Ordinal);

    public string WorkingDirectory { get; } = workingDirectory;

    public bool Color { get; } = color;

    public bool Quiet { get; } = quiet;

    public bool UnsafeFixes { get; } = unsafeFixes;

    public string DisplayPath(string path)
    {
        if (!_displayPaths.TryGetValue(path, out var display))
        {
            _displayPaths[path] = display = Display(path);
        }

        return display;
    }

    private string Display(string path)
    {
        if (path.StartsWith('<'))
        {
            return path;
        }

        var fullPath = Path.GetFullPath(path, WorkingDirectory);
        var relative = Path.GetRelativePath(WorkingDirectory, fullPath);
        return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? fullPath
            : relative.Replace('\\', '/');
    }
}

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
