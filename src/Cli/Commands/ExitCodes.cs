namespace AlloyLint.Cli.Commands;

/// <summary>The process exit codes, as documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing at or above the fail level (or <c>--exit-zero</c>).</summary>
    public const int Clean = 0;

    /// <summary>Findings at or above the fail level, or changes that <c>--diff</c> would make.</summary>
    public const int Findings = 1;

    /// <summary>A usage, configuration, I/O or internal error.</summary>
    public const int Error = 2;
}
