using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using AlloyLint.Cli.Reporting;
using AlloyLint.Rules.Engine;

namespace AlloyLint.Cli.Commands;

/// <summary><c>alloylint rules [--format text|json]</c>: every rule with its ID, name, default severity, category, fix kind and summary.</summary>
internal static class RulesCommand
{
    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "text", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("rules", "List every rule");
        command.Options.Add(format);
        command.SetAction(parseResult =>
        {
            var rules = RuleRegistry.All.Select(rule => rule.Metadata).OrderBy(rule => rule.Id, StringComparer.Ordinal).ToList();
            if (parseResult.GetValue(format) == "json")
            {
                var document = rules.Select(rule => new RuleDescription(
                    rule.Id,
                    rule.Name,
                    RuleCategories.Name(rule.Category),
                    SeverityNames.Name(rule.DefaultSeverity),
                    rule.Fix.ToString().ToLowerInvariant(),
                    rule.EnabledByDefault,
                    rule.Summary,
                    ProductInfo.RuleHelpUri(rule.Id),
                    [.. rule.Options.Select(option => new RuleOptionDescription(option.Name, option.TypeName, option.Default.ToString(), option.Description))])).ToList();
                console.Out.WriteLine(JsonSerializer.Serialize(document, RulesJsonContext.Readable.ListRuleDescription));
                return ExitCodes.Clean;
            }

            var idWidth = rules.Count == 0 ? 0 : rules.Max(rule => rule.Id.Length);
            var nameWidth = rules.Count == 0 ? 0 : rules.Max(rule => rule.Name.Length);
            foreach (var rule in rules)
            {
                var fix = rule.Fix == FixAvailability.None ? "   " : "[*]";
                var enabled = rule.EnabledByDefault ? string.Empty : " (off by default)";
                console.Out.WriteLine($"{rule.Id.PadRight(idWidth)}  {rule.Name.PadRight(nameWidth)}  {SeverityNames.Name(rule.DefaultSeverity),-7}  {fix}  {rule.Summary}{enabled}");
            }

            return ExitCodes.Clean;
        });
        return command;
    }
}

internal sealed record RuleDescription(
    string Id,
    string Name,
    string Category,
    string Severity,
    string Fix,
    bool EnabledByDefault,
    string Summary,
    string HelpUri,
    IReadOnlyList<RuleOptionDescription> Options);

internal sealed record RuleOptionDescription(string Name, string Type, string Default, string Description);

[JsonSerializable(typeof(List<RuleDescription>))]
internal sealed partial class RulesJsonContext : JsonSerializerContext
{
    public static RulesJsonContext Readable { get; } = new(JsonOutput.Options(JsonIgnoreCondition.Never));
}
