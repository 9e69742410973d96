using AlloyLint.Cli.Commands;

namespace AlloyLint.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var console = CliConsole.System();
        try
        {
            return AlloyLintCommand.Run(args, console);
        }
        finally
        {
            console.Out.Flush();
        }
    }
}
