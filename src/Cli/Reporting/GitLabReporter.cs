using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Text;

namespace AlloyLint.Cli.Reporting;

/// <summary>
/// GitLab's code quality report (a subset of Code Climate's issue format), for a job's
/// <c>artifacts:reports:codequality</c>: merge requests show each finding in their widget and diff. The fingerprint
/// that tells GitLab a finding is the same in two pipelines hashes its rule, file, message and the text of its line, not
/// the line's number, which moves as lines are added above; findings alike in all of those are told apart by their order.
/// The hash is XXH128: deterministic and specified, so fingerprints hold across versions, and managed code (SHA-256
/// would load the system's OpenSSL: 4 MB of memory and 30 ms of start-up).
/// </summary>
internal sealed class GitLabReporter(ReportOptions options) : IReporter
{
    public void Write(LintReport report, TextWriter output)
    {
        var key = new FingerprintKey();
        using (var json = JsonOutput.Writer(output))
        {
            json.WriteStartArray();
            foreach (var diagnostic in report.Diagnostics)
            {
                var path = options.DisplayPath(diagnostic.Source.Path);
                var lines = diagnostic.Source.Lines;
                var line = diagnostic.Start.Line;
                key.Start(diagnostic.Rule.Id, path, diagnostic.Message);
                key.AddLineText(diagnostic.Source, TextSpan.FromBounds(lines.LineStart(line), lines.LineEnd(line)));
                WriteIssue(json, diagnostic.Message, diagnostic.Rule.Id, key.Fingerprint(), GitLabSeverity(diagnostic.Severity), path, line, diagnostic.End.Line);
                JsonOutput.FlushIfFull(json);
            }

            foreach (var problem in report.Problems)
            {
                var path = options.DisplayPath(problem.Path);
                key.Start(ProductInfo.Name, path, problem.Message);
                WriteIssue(json, $"{path}: {problem.Message}", ProductInfo.Name, key.Fingerprint(), "major", path, 1, 1);
            }

            json.WriteEndArray();
        }

        output.WriteLine();
    }

    private static void WriteIssue(Utf8JsonWriter json, string description, string checkName, ReadOnlySpan<char> fingerprint, string severity, string path, int begin, int end)
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

    /// <summary>
    /// What a fingerprint hashes: the NUL-joined UTF-8 of a finding's rule, path, message and trimmed line text, then a
    /// NUL and its rank among the findings alike in all four. It is built in one reused buffer, and findings alike are
    /// counted by the hash of those four, so a report of tens of thousands of findings keeps no string per finding.
    /// </summary>
    private sealed class FingerprintKey
    {
        private readonly ArrayBufferWriter<byte> _bytes = new(1024);
        private readonly Dictionary<UInt128, int> _earlierAlike = [];
        private readonly char[] _fingerprint = new char[32];
        private char[] _lineText = new char[256];

        public void Start(string ruleId, string path, string message)
        {
            _bytes.ResetWrittenCount();
            Encoding.UTF8.GetBytes(ruleId, _bytes);
            Add(path);
            Add(message);
        }

        public void AddLineText(SourceText source, TextSpan line) => Add(source.Read(line, ref _lineText).Trim());

        /// <summary>The hash of the key and its rank, in hex (valid until the next call).</summary>
        public ReadOnlySpan<char> Fingerprint()
        {
            var alike = XxHash128.HashToUInt128(_bytes.WrittenSpan);
            var rank = _earlierAlike[alike] = _earlierAlike.TryGetValue(alike, out var earlier) ? earlier + 1 : 0;

            _bytes.Write("\0"u8);
            rank.TryFormat(_bytes.GetSpan(11), out var written, provider: CultureInfo.InvariantCulture);
            _bytes.Advance(written);
            XxHash128.HashToUInt128(_bytes.WrittenSpan).TryFormat(_fingerprint, out _, "x32", CultureInfo.InvariantCulture);
            return _fingerprint;
        }

        private void Add(ReadOnlySpan<char> text)
        {
            _bytes.Write("\0"u8);
            Encoding.UTF8.GetBytes(text, _bytes);
        }
    }
}
