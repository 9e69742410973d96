using System.CommandLine;
using AlloyLint.Cli.Discovery;
using AlloyLint.Cli.IO;
using AlloyLint.Cli.Reporting;
using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;

namespace AlloyLint.Cli.Commands;

/// <summary>
/// <c>alloylint fmt [PATHS|-] [--write | --check | --diff]</c>: the canonical layout of <c>alloy fmt</c>.
/// Without a flag the formatted text is printed; <c>--write</c> rewrites the files that change, atomically and
/// keeping their BOM and line endings; <c>--check</c> lists the files that would change (exit 1);
/// <c>--diff</c> prints what would change (exit 1). Files with syntax errors are reported like the linter
/// reports them, left untouched, and make the exit code 2, as unreadable or missing paths do.
/// </summary>
internal static class FmtCommand
{
    private const string StdinPath = "-";
    private const string StdinDisplayName = "<stdin>";

    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATHS")
        {
            Description = "Files and folders to format (folders: their *.alloy files, recursively; default: the current folder; '-' reads standard input)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var write = new Option<bool>("--write", "-w") { Description = "Rewrite the files that are not formatted" };
        var check = new Option<bool>("--check") { Description = "List the files that are not formatted and exit 1 if there are any; write nothing" };
        var diff = new Option<bool>("--diff") { Description = "Show the changes formatting would make as a unified diff and exit 1 if there are any; write nothing" };
        var command = new Command("fmt", "Format Alloy files in the canonical style of alloy fmt");
        command.Aliases.Add("format");
        command.Arguments.Add(paths);
        command.Options.Add(write);
        command.Options.Add(check);
        command.Options.Add(diff);
        command.SetAction(parseResult =>
        {
            var mode = new FmtMode(parseResult.GetValue(write), parseResult.GetValue(check), parseResult.GetValue(diff));
            var given = parseResult.GetValue(paths) is { Length: > 0 } named ? named : ["."];
            return Run(console, given, mode);
        });
        return command;
    }

    private readonly record struct FmtMode(bool Write, bool Check, bool Diff)
    {
        public bool PrintsText => !Write && !Check && !Diff;
    }

    private static int Run(CliConsole console, string[] paths, FmtMode mode)
    {
        var readsStdin = paths.Contains(StdinPath);
        if (mode.Write && (mode.Check || mode.Diff))
        {
            return UsageError(console, "--write cannot be combined with --check or --diff");
        }

        if (readsStdin && paths.Length > 1)
        {
            return UsageError(console, "'-' (standard input) cannot be combined with other paths");
        }

        if (readsStdin && mode.Write)
        {
            return UsageError(console, "--write cannot be used with standard input");
        }

        var display = new ReportOptions(console.WorkingDirectory);
        var failed = false;
        var unformatted = 0;
        foreach (var (source, problem) in Sources(console, paths, readsStdin))
        {
            if (source is null)
            {
                console.Error.WriteLine($"{display.DisplayPath(problem!.Path)}: error: {problem.Message}");
                failed = true;
                continue;
            }

            if (console.OwnsProcess)
            {
                CollectionFreeRun.EnterForNext(source.Text.Length);
            }

            var displayPath = display.DisplayPath(source.Path);
            var tree = AlloyParser.Parse(source);
            if (tree.HasErrors)
            {
                foreach (var error in tree.Diagnostics)
                {
                    var start = source.GetPosition(error.Span.Start);
                    console.Error.WriteLine($"{displayPath}:{start.Line}:{start.Column}: error: {ConciseReporter.OneLine(error.Message)} [{error.Code}]");
                }

                failed = true;
                continue;
            }

            // The one edit that formats the file: the formatted text is built only when it is printed, shown or written.
            var change = AlloyFormatter.FindCanonicalChange(tree);
            if (change is not null)
            {
                unformatted++;
            }

            if (mode.PrintsText)
            {
                console.Out.Write(change is null ? source.Text : Applied(source.Text, change));
                continue;
            }

            if (change is null)
            {
                continue;
            }

            if (mode.Check)
            {
                console.Out.WriteLine(displayPath);
            }

            if (!mode.Diff && !mode.Write)
            {
                continue;
            }

            var formatted = Applied(source.Text, change);
            if (mode.Diff)
            {
                UnifiedDiff.Write(console.Out, source.Text, formatted, displayPath, displayPath);
            }

            if (mode.Write && !TryWrite(console, source, formatted, displayPath))
            {
                failed = true;
            }
        }

        if (failed)
        {
            return ExitCodes.Error;
        }

        return (mode.Check || mode.Diff) && unformatted > 0 ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private static string Applied(string text, CanonicalChange change) =>
        string.Concat(text.AsSpan(0, change.Span.Start), change.Replacement, text.AsSpan(change.Span.End));

    private static IEnumerable<(SourceText? Source, PathProblem? Problem)> Sources(CliConsole console, string[] paths, bool readsStdin)
    {
        if (readsStdin)
        {
            using var input = console.OpenInput();
            using var buffer = new MemoryStream();
            input.CopyTo(buffer);
            var source = DiskWorkspace.Decode(buffer.ToArray(), StdinDisplayName, out var problem);
            yield return (source, problem is null ? null : new PathProblem(StdinDisplayName, problem));
            yield break;
        }

        var (files, problems) = new FileDiscovery(console.WorkingDirectory).Discover(paths);
        foreach (var problem in problems)
        {
            yield return (null, problem);
        }

        foreach (var file in files)
        {
            var source = DiskWorkspace.Read(file, out var problem);
            yield return (source, problem is null ? null : new PathProblem(file, problem));
        }
    }

    private static bool TryWrite(CliConsole console, SourceText source, string formatted, string displayPath)
    {
        try
        {
            AtomicFile.Replace(source.Path, source.Encode(source.Text), source.Encode(formatted));
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"{displayPath}: error: cannot write: {FileDiscovery.Describe(error)}");
            return false;
        }
    }

    private static int UsageError(CliConsole console, string message)
    {
        console.Error.WriteLine($"{ProductInfo.Name}: error: {message} (see '{ProductInfo.Name} fmt --help')");
        return ExitCodes.Error;
    }
}
