using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;

namespace AlloyLint.Cli.Commands;

/// <summary>The output formats of <c>--format</c>.</summary>
internal enum OutputFormat
{
    Text,
    Concise,
    Json,
    GitHub,
    GitLab,
    JUnit,
    Sarif,
}

/// <summary>What the command line asked the lint command to do.</summary>
internal sealed record LintOptions
{
    public IReadOnlyList<string> Paths { get; init; } = [];

    public string? StdinFilename { get; init; }

    public bool Fix { get; init; }

    public bool UnsafeFixes { get; init; }

    public bool Diff { get; init; }

    public bool AddSuppressions { get; init; }

    /// <summary>Null when <c>--suppression-reason</c> was not given.</summary>
    public string? SuppressionReason { get; init; }

    public bool ShowFiles { get; init; }

    /// <summary>Null when <c>--select</c> was not given (the configuration decides).</summary>
    public IReadOnlyList<string>? Select { get; init; }

    public IReadOnlyList<string> Ignore { get; init; } = [];

    public string? ConfigPath { get; init; }

    public Severity FailLevel { get; init; } = Severity.Warning;

    public bool ExitZero { get; init; }

    public bool Statistics { get; init; }

    public bool NoColor { get; init; }

    public bool Quiet { get; init; }

    public OutputFormat Format { get; init; } = OutputFormat.Text;

    public string? OutputPath { get; init; }

    /// <summary>Null when <c>--mode</c> was not given (the configuration decides, else auto).</summary>
    public ConfigurationMode? Mode { get; init; }

    public bool ReadsStdin => Paths is ["-"];
}
