using System.CommandLine;
using System.CommandLine.Help;
using AlloyLint.Cli.Configuration;

namespace AlloyLint.Cli.Commands;

/// <summary>
/// The root command: <c>alloylint [PATHS...]</c> lints, with the subcommands <c>rules</c>, <c>explain</c>, <c>fmt</c>
/// and <c>server</c>. Usage errors, configuration errors and unexpected failures become one line on standard error and
/// exit code 2, never a stack trace.
/// </summary>
internal static class AlloyLintCommand
{
    public static int Run(string[] args, CliConsole console)
    {
        try
        {
            var root = Create(console);
            var parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                var message = string.Join(' ', parseResult.Errors[0].Message.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                console.Error.WriteLine($"{ProductInfo.Name}: error: {message} (see '{ProductInfo.Name} --help')");
                return ExitCodes.Error;
            }

            if (parseResult.CommandResult.Command != root)
            {
                // A subcommand's help would otherwise list the root's own PATHS argument in its usage and arguments.
                foreach (var argument in root.Arguments)
                {
                    argument.Hidden = true;
                }
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (AggregateException error) when (error.InnerExceptions.Count == 1)
        {
            return Report(error.InnerException!, console);
        }
        catch (Exception error)
        {
            return Report(error, console);
        }
    }

    private static int Report(Exception exception, CliConsole console)
    {
        switch (exception)
        {
            case ConfigurationException error:
                console.Error.WriteLine($"{error.Path}:{error.Line}:{error.Column}: error: {error.Message}");
                break;
            case IOException or UnauthorizedAccessException:
                console.Error.WriteLine($"{ProductInfo.Name}: error: {exception.Message.ReplaceLineEndings(" ")}");
                break;
            default:
                console.Error.WriteLine($"{ProductInfo.Name}: internal error: {exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}");
                break;
        }

        return ExitCodes.Error;
    }

    /// <summary>
    /// A plain command rather than System.CommandLine's <c>RootCommand</c>: that one builds its help and version options
    /// from localized resources at every start (about a twentieth of a small lint); <c>--version</c> is our own option.
    /// </summary>
    private static Command Create(CliConsole console)
    {
        var root = new Command(
            ProductInfo.Name,
            "AlloyLint: a linter, fixer and formatter for Grafana Alloy configuration files. " +
            "Lints the *.alloy files of PATHS (files or folders; default: the current folder; '-' reads standard input).");
        LintCommand.Configure(root, console);
        root.Subcommands.Add(RulesCommand.Create(console));
        root.Subcommands.Add(ExplainCommand.Create(console));
        root.Subcommands.Add(FmtCommand.Create(console));
        root.Subcommands.Add(ServerCommand.Create(console));
        root.Options.Add(new Option<bool>("--help", "-h", "-?")
        {
            Description = "Show help and usage information",
            Arity = ArgumentArity.Zero,
            Recursive = true,
            Action = new HelpAction(),
        });
        return root;
    }
}
