using System.Text;
using AlloyLint.Cli.Commands;

namespace AlloyLint.Cli.Tests;

internal sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the CLI in-process with its own streams, working directory and environment.</summary>
internal static class CliRunner
{
    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, args, stdin: null);

    public static CliResult Run(
        string workingDirectory,
        string[] args,
        string? stdin,
        bool terminal = false,
        IReadOnlyDictionary<string, string>? environment = null) =>
        RunReading(workingDirectory, args, new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? string.Empty)), terminal, environment);

    /// <summary>Runs the CLI with <paramref name="stdin"/> as its standard input, read as the CLI goes.</summary>
    public static CliResult RunReading(
        string workingDirectory,
        string[] args,
        Stream stdin,
        bool terminal = false,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(
            output,
            error,
            () => stdin,
            workingDirectory,
            terminal,
            name => environment?.GetValueOrDefault(name));
        var exitCode = AlloyLintCommand.Run(args, console);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
