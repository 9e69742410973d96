using System.CommandLine;
using AlloyLint.Rules.Engine;

namespace AlloyLint.Cli.Commands;

/// <summary><c>alloylint explain AL203</c>: prints the rule's documentation page (embedded at build time).</summary>
internal static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var rule = new Argument<string>("RULE") { Description = "A rule ID (AL203) or name" };
        var command = new Command("explain", "Show a rule's documentation");
        command.Arguments.Add(rule);
        command.SetAction(parseResult =>
        {
            var requested = parseResult.GetValue(rule)!;
            if ((RuleRegistry.Find(requested.ToUpperInvariant()) ?? RuleRegistry.Find(requested)) is not { } found)
            {
                console.Error.WriteLine($"{ProductInfo.Name}: error: unknown rule '{requested}' (see '{ProductInfo.Name} rules')");
                return ExitCodes.Error;
            }

            var metadata = found.Metadata;
            console.Out.Write(RuleDocs.Page(metadata.Id) ?? $"# {metadata.Id}: {metadata.Name}\n\n{metadata.Summary}\n");
            return ExitCodes.Clean;
        });
        return command;
    }
}
