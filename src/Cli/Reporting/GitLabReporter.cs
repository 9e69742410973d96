using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AlloyLint.Parser.Diagnostics;

namespace AlloyLint.Cli.Reporting;

/// <summary>
/// GitLab's code quality report (a subset of Code Climate's issue format), for a job's
/// <c>artifacts:reports:codequality</c>: merge requests show each finding in their widget and diff. The fingerprint
/// that tells GitLab a finding is the same in two pipelines hashes its rule, file, message and the text of its line, not
/// the line's number, which moves as lines are added above; findings alike in all of those are told apart by their order.
/// </summary>
internal sealed class GitLabReporter(ReportOptions options) : IReporter
{
    public void Write(LintReport report, TextWriter output)
    {
        var earlierAlike = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var json = JsonOutput.Writer(output))
        {
            json.WriteStartArray();
            foreach (var diagnostic in report.Diagnostics)
            {
                var path = options.DisplayPath(diagnostic.Source.Path);
                var lines = diagnostic.Source.Lines;
                var line = diagnostic.Start.Line;
                var key = string.Join('\0', diagnostic.Rule.Id, path, diagnostic.Message, lines.LineText(line).Trim());
                earlierAlike[key] = earlierAlike.TryGetValue(key, out var count) ? count + 1 : 0;
                WriteIssue(json, diagnostic.Message, diagnostic.Rule.Id, Fingerprint(key, earlierAlike[key]), GitLabSeverity(diagnostic.Severity), path, line, diagnostic.End.Line);
                JsonOutput.FlushIfFull(json);
            }

            foreach (var problem in report.Problems)
            {
                var path = options.DisplayPath(problem.Path);
                WriteIssue(json, $"{path}: {problem.Message}", ProductInfo.Name, Fingerprint(string.Join('\0', ProductInfo.Name, path, problem.Message), 0), "major", path, 1, 1);
            }

            json.WriteEndArray();
        }

        output.WriteLine();
    }

    private static void WriteIssue(Utf8JsonWriter json, string description, string checkName, string fingerprint, string severity, string path, int begin, int end)
    {
        json.WriteStartObject();
        json.WriteString("description", description);
        json.WriteString("check_name", checkName);
        json.WriteString("fingerprint", fingerprint);
        json.WriteString("severity", severity);
        json.WriteStartObject("location");
        json.WriteString("path", path);
        json.WriteStartObject("lines");
        json.WriteNumber("begin", begin);
        json.WriteNumber("end", end);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>GitLab's scale: info, minor, major, critical, blocker.</summary>
    private static string GitLabSeverity(Severity severity) => severity switch
    {
        Severity.Error => "major",
        Severity.Warning => "minor",
        _ => "info",
    };

    /// <summary>The first 128 bits of the SHA-256 of <paramref name="key"/> and its rank among findings alike, in hex.</summary>
    private static string Fingerprint(string key, int rank) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\0{rank}")).AsSpan(0, 16));
}
