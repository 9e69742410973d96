using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;

namespace AlloyLint.Cli.Tests;

/// <summary>Hand-made rules and findings for reporter and configuration tests that must not depend on real rule wording.</summary>
internal static class TestRules
{
    public static readonly RuleMetadata Syntax = new("AL001", "syntax-error", RuleCategory.Syntax, Severity.Error, "The file is not valid Alloy syntax.");

    public static readonly RuleMetadata Secret = new("AL401", "hardcoded-secret", RuleCategory.Security, Severity.Warning, "A secret is written in the file.", FixAvailability.Sometimes);

    public static readonly RuleMetadata Style = new("AL501", "deprecated-style", RuleCategory.Style, Severity.Note, "Old style.", FixAvailability.Always);

    public static readonly IReadOnlyList<RuleMetadata> All = [Syntax, Secret, Style];

    public const string ConfigText =
        "// metrics pipeline\n" +
        "prometheus.scrape \"app\" {\n" +
        "\ttargets    = [{\"__address__\" = \"app:9090\"}]\n" +
        "\tforward_to = [prometheus.remote_write.default.receiver]\n" +
        "}\n" +
        "\n" +
        "prometheus.remote_write \"default\" {\n" +
        "\tendpoint {\n" +
        "\t\turl = \"https://prom.example/api/v1/push\"\n" +
        "\t\tbasic_auth {\n" +
        "\t\t\tpassword = \"hunter2 \u00e9\u00e9\"\n" +
        "\t\t}\n" +
        "\t}\n" +
        "}\n";

    /// <summary>Three findings on <see cref="ConfigText"/>: an error without fix, a warning with an unsafe fix, a multi-line note with a safe fix.</summary>
    public static List<LintDiagnostic> Findings(string path = "deploy/config.alloy")
    {
        var source = SourceText.From(ConfigText, path);
        var text = source.Text;
        var secret = text.IndexOf("\"hunter2", StringComparison.Ordinal);
        var secretSpan = new TextSpan(secret, "\"hunter2 \u00e9\u00e9\"".Length);
        var scrape = text.IndexOf("prometheus.scrape", StringComparison.Ordinal);
        var blockEnd = text.IndexOf("}\n\n", StringComparison.Ordinal) + 1;
        var targets = text.IndexOf("targets", StringComparison.Ordinal);
        return
        [
            new LintDiagnostic(Syntax, Severity.Error, source, new TextSpan(targets, 7), "unexpected \"targets\" here, expected: a %%, \"quoted\" thing, and a comma"),
            new LintDiagnostic(Secret, Severity.Warning, source, secretSpan, "password is written in plain text",
                Fix.Unsafe("Read it from sys.env(\"PASSWORD\")", TextEdit.Replace(secretSpan, "sys.env(\"PASSWORD\")"))),
            new LintDiagnostic(Style, Severity.Note, source, TextSpan.FromBounds(scrape, blockEnd), "this block uses\nan old style",
                Fix.Safe("Insert a comment", TextEdit.Insert(scrape, "// scrape\n"))),
        ];
    }
}
