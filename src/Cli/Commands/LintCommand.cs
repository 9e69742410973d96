using System.CommandLine;
using AlloyLint.Cli.Configuration;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;

namespace AlloyLint.Cli.Commands;

/// <summary>The options of the root command (linting) and the translation of a parse into <see cref="LintOptions"/>.</summary>
internal static class LintCommand
{
    private static readonly string[] Formats = ["text", "concise", "json", "github", "gitlab", "junit", "sarif"];

    public static void Configure(Command root, CliConsole console)
    {
        var paths = new Argument<string[]>("PATHS") { Description = "Files and folders to lint ('-' reads standard input)", Arity = ArgumentArity.ZeroOrMore };
        var fix = new Option<bool>("--fix") { Description = "Apply safe fixes and write the files" };
        var unsafeFixes = new Option<bool>("--unsafe-fixes") { Description = "Also apply (with --fix or --diff) fixes that may change behaviour" };
        var diff = new Option<bool>("--diff") { Description = "Show what --fix would change as a unified diff; write nothing" };
        var addSuppressions = new Option<bool>("--add-suppressions") { Description = "Add a suppression comment for every finding and write the files, so that only new findings are reported from now on" };
        var suppressionReason = new Option<string>("--suppression-reason") { Description = "With --add-suppressions, the reason written after '--' in each comment added", HelpName = "TEXT" };
        var select = new Option<string[]>("--select") { Description = "Run only these rules: IDs, prefixes (AL2), names or ALL; comma-separated", HelpName = "RULES" };
        var ignore = new Option<string[]>("--ignore") { Description = "Do not run these rules; comma-separated", HelpName = "RULES" };
        var config = new Option<string>("--config") { Description = "Use this configuration file instead of the nearest .alloylint.yaml", HelpName = "FILE" };
        var failLevel = new Option<string>("--fail-level") { Description = "Lowest severity that makes the exit code 1: error, warning or note", DefaultValueFactory = _ => "warning", HelpName = "LEVEL" };
        failLevel.AcceptOnlyFromAmong("error", "warning", "note");
        var exitZero = new Option<bool>("--exit-zero") { Description = "Exit 0 even when findings are reported" };
        var statistics = new Option<bool>("--statistics") { Description = "Show counts per rule instead of the findings" };
        var showFiles = new Option<bool>("--show-files") { Description = "List the files that would be linted (after excludes and .gitignore) and lint nothing" };
        var noColor = new Option<bool>("--no-color") { Description = "Never use colour (also when NO_COLOR is set)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print findings only: no summary" };
        var format = new Option<string>("--format") { Description = "Output format: text, concise, json, github, gitlab, junit or sarif", DefaultValueFactory = _ => "text", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string>("--output", "-o") { Description = "Write the report to FILE instead of standard output", HelpName = "FILE" };
        var mode = new Option<string>("--mode") { Description = "How sibling files form a configuration: auto, directory or file", HelpName = "MODE" };
        mode.AcceptOnlyFromAmong(ConfigLoader.Modes);
        var stdinFilename = new Option<string>("--stdin-filename") { Description = "The path standard input stands for (for messages, configuration and siblings)", HelpName = "PATH" };
        var version = new Option<bool>("--version") { Description = "Show the version" };

        root.Arguments.Add(paths);
        foreach (var option in new Option[] { fix, unsafeFixes, diff, addSuppressions, suppressionReason, select, ignore, config, failLevel, exitZero, statistics, showFiles, noColor, quiet, format, output, mode, stdinFilename, version })
        {
            root.Options.Add(option);
        }

        root.SetAction(parseResult =>
        {
            if (parseResult.GetValue(version))
            {
                console.Out.WriteLine($"{ProductInfo.Name} {ProductInfo.Version}");
                return ExitCodes.Clean;
            }

            var options = new LintOptions
            {
                Paths = parseResult.GetValue(paths) is { Length: > 0 } given ? given : ["."],
                StdinFilename = parseResult.GetValue(stdinFilename),
                Fix = parseResult.GetValue(fix),
                UnsafeFixes = parseResult.GetValue(unsafeFixes),
                Diff = parseResult.GetValue(diff),
                AddSuppressions = parseResult.GetValue(addSuppressions),
                SuppressionReason = parseResult.GetValue(suppressionReason),
                Select = parseResult.GetValue(select) is { Length: > 0 } selected ? SplitList(selected) : null,
                Ignore = SplitList(parseResult.GetValue(ignore) ?? []),
                ConfigPath = parseResult.GetValue(config),
                FailLevel = parseResult.GetValue(failLevel) switch { "error" => Severity.Error, "note" => Severity.Note, _ => Severity.Warning },
                ExitZero = parseResult.GetValue(exitZero),
                Statistics = parseResult.GetValue(statistics),
                ShowFiles = parseResult.GetValue(showFiles),
                NoColor = parseResult.GetValue(noColor),
                Quiet = parseResult.GetValue(quiet),
                Format = parseResult.GetValue(format) switch
                {
                    "concise" => OutputFormat.Concise,
                    "json" => OutputFormat.Json,
                    "github" => OutputFormat.GitHub,
                    "gitlab" => OutputFormat.GitLab,
                    "junit" => OutputFormat.JUnit,
                    "sarif" => OutputFormat.Sarif,
                    _ => OutputFormat.Text,
                },
                OutputPath = parseResult.GetValue(output),
                Mode = SettingsBuilder.ParseMode(parseResult.GetValue(mode)),
            };
            return new LintRun(options, console).Execute();
        });
    }

    private static List<string> SplitList(IEnumerable<string> values) =>
        [.. values.SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
