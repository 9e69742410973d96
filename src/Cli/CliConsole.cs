namespace AlloyLint.Cli;

/// <summary>
/// What a run of the CLI talks to: standard streams, the working directory and the environment. The real one
/// wraps the process's; tests pass their own so the CLI runs in-process with no shared state.
/// </summary>
internal sealed class CliConsole(
    TextWriter output,
    TextWriter error,
    Func<Stream> openInput,
    string workingDirectory,
    bool outputIsTerminal,
    Func<string, string?> environment)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public string WorkingDirectory { get; } = workingDirectory;

    /// <summary>Whether standard output is a terminal (the only case in which colour is used).</summary>
    public bool OutputIsTerminal { get; } = outputIsTerminal;

    /// <summary>
    /// True for the console of the process itself (<see cref="System"/>): only then may a run change settings of the
    /// whole process, such as the garbage collector's (see <see cref="CollectionFreeRun"/>), which tests share.
    /// </summary>
    public bool OwnsProcess { get; private init; }

    public Stream OpenInput() => openInput();

    public string? Environment(string name) => environment(name);

    public static CliConsole System()
    {
        var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false, NewLine = "\n" };
        var error = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true, NewLine = "\n" };
        return new CliConsole(output, error, Console.OpenStandardInput, Directory.GetCurrentDirectory(), !Console.IsOutputRedirected, global::System.Environment.GetEnvironmentVariable)
        {
            OwnsProcess = true,
        };
    }
}
