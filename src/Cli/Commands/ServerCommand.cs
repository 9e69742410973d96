using System.CommandLine;
using AlloyLint.Cli.Server;

namespace AlloyLint.Cli.Commands;

/// <summary><c>alloylint server</c>: the language server (<see cref="LanguageServer"/>) on standard input and output.</summary>
internal static class ServerCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("server", "Run a language server on standard input and output, for editors: findings as you type, quick fixes, formatting");
        command.SetAction(_ =>
        {
            // The header is read byte by byte: buffered, that is not a system call per byte.
            using var input = new BufferedStream(console.OpenInput());
            return new LanguageServer(console, new LspTransport(input, console.Out)).Run();
        });
        return command;
    }
}
