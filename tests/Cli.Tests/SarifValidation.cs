using System.Diagnostics;
using System.Text.Json;
using AlloyLint.TestSupport;
using Json.Schema;
using Xunit;

namespace AlloyLint.Cli.Tests;

/// <summary>Checks SARIF text against the OASIS schema (JsonSchema.Net) and Microsoft's SARIF Multitool with GitHub's rules.</summary>
internal static class SarifValidation
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(SharedData.SharedRoot, "sarif", "sarif-2.1.0.schema.2020-12.json"))));

    public static string MultitoolPath =>
        Path.Combine(SharedData.RepoRoot, ".ci", "tools", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");

    /// <summary>The schema's complaints about <paramref name="sarif"/>; skips the test when ../shared/sarif is absent.</summary>
    public static List<string> SchemaErrors(string sarif)
    {
        var schemaPath = Path.Combine(SharedData.SharedRoot, "sarif", "sarif-2.1.0.schema.2020-12.json");
        if (!File.Exists(schemaPath))
        {
            Assert.Skip($"The SARIF schema is absent: {schemaPath} does not exist, so schema validation did not run.");
        }

        using var document = JsonDocument.Parse(sarif);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}"))];
    }

    /// <summary>
    /// The errors and warnings that <c>Sarif.Multitool validate --rule-kind "Gh;Sarif"</c> reports for
    /// <paramref name="sarif"/>; skips the test when .ci/run has not installed the Multitool.
    /// </summary>
    public static List<string> MultitoolFindings(string sarif)
    {
        if (!File.Exists(MultitoolPath))
        {
            Assert.Skip($"Microsoft's SARIF Multitool is not installed at {MultitoolPath} (.ci/run installs it with npm), so GitHub-rule validation did not run.");
        }

        var folder = Directory.CreateTempSubdirectory("alloylint-sarif-");
        try
        {
            var input = Path.Combine(folder.FullName, "alloylint.sarif");
            var output = Path.Combine(folder.FullName, "validation.sarif");
            File.WriteAllText(input, sarif);
            var start = new ProcessStartInfo(MultitoolPath) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "validate", input, "--rule-kind", "Gh;Sarif", "--output", output })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var console = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0 && File.Exists(output), $"Multitool failed ({process.ExitCode}): {console.Result}{errors.Result}");

            using var log = JsonDocument.Parse(File.ReadAllText(output));
            var findings = new List<string>();
            foreach (var run in log.RootElement.GetProperty("runs").EnumerateArray())
            {
                if (!run.TryGetProperty("results", out var results))
                {
                    continue;
                }

                foreach (var result in results.EnumerateArray())
                {
                    var level = result.TryGetProperty("level", out var value) ? value.GetString() : "warning";
                    if (level is "error" or "warning")
                    {
                        findings.Add($"{level} {result.GetProperty("ruleId").GetString()}: {result.GetProperty("message")}");
                    }
                }
            }

            return findings;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
