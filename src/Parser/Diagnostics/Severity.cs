namespace AlloyLint.Parser.Diagnostics;

/// <summary>How serious a finding is. The names match SARIF levels.</summary>
public enum Severity
{
    Note,
    Warning,
    Error,
}
