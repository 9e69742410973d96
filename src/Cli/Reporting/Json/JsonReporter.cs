using System.Text.Json;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;

namespace AlloyLint.Cli.Reporting.Json;

/// <summary>
/// The versioned JSON document of docs/json-format.md. Add fields freely; renaming or removing one needs a new version.
/// Written with a <see cref="Utf8JsonWriter"/> straight to the output, so that a large report makes no object per finding.
/// </summary>
internal sealed class JsonReporter(ReportOptions options) : IReporter
{
    public const int FormatVersion = 1;

    public void Write(LintReport report, TextWriter output)
    {
        using (var json = JsonOutput.Writer(output))
        {
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", ProductInfo.Name);
            json.WriteString("version", ProductInfo.Version);
            json.WriteEndObject();
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in report.Diagnostics)
            {
                WriteDiagnostic(json, diagnostic);
                JsonOutput.FlushIfFull(json);
            }

            json.WriteEndArray();
            json.WriteStartArray("errors");
            foreach (var problem in report.Problems)
            {
                json.WriteStartObject();
                json.WriteString("path", options.DisplayPath(problem.Path));
                json.WriteString("message", problem.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.FileCount);
            json.WriteNumber("errors", report.Count(Severity.Error));
            json.WriteNumber("warnings", report.Count(Severity.Warning));
            json.WriteNumber("notes", report.Count(Severity.Note));
            json.WriteNumber("fixable", report.Diagnostics.Count(diagnostic => diagnostic.Fix is not null));
            json.WriteNumber("fixed", report.FixesApplied);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.WriteLine();
    }

    private void WriteDiagnostic(Utf8JsonWriter json, LintDiagnostic diagnostic)
    {
        var source = diagnostic.Source;
        json.WriteStartObject();
        json.WriteString("path", options.DisplayPath(source.Path));
        json.WriteStartObject("rule");
        json.WriteString("id", diagnostic.Rule.Id);
        json.WriteString("name", diagnostic.Rule.Name);
        json.WriteString("category", RuleCategories.Name(diagnostic.Rule.Category));
        json.WriteEndObject();
        json.WriteString("severity", SeverityNames.Name(diagnostic.Severity));
        json.WriteString("message", diagnostic.Message);
        WritePositions(json, source, diagnostic.Span);
        if (diagnostic.Fix is not { } fix)
        {
            json.WriteNull("fix");
        }
        else
        {
            json.WriteStartObject("fix");
            json.WriteString("title", fix.Title);
            json.WriteString("applicability", fix.Applicability == Applicability.Safe ? "safe" : "unsafe");
            json.WriteStartArray("edits");
            foreach (var edit in fix.Edits)
            {
                json.WriteStartObject();
                WritePositions(json, source, edit.Span);
                json.WriteString("newText", edit.NewText);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// <c>start</c> and <c>end</c>: 1-based line, 1-based column in UTF-16 code units, 0-based UTF-16 offset into the
    /// file's text (after any BOM).
    /// </summary>
    private static void WritePositions(Utf8JsonWriter json, SourceText source, TextSpan span)
    {
        WritePosition(json, "start", source, span.Start);
        WritePosition(json, "end", source, span.End);
    }

    private static void WritePosition(Utf8JsonWriter json, string propertyName, SourceText source, int offset)
    {
        var position = source.GetPosition(offset);
        json.WriteStartObject(propertyName);
        json.WriteNumber("line", position.Line);
        json.WriteNumber("column", position.Column);
        json.WriteNumber("offset", offset);
        json.WriteEndObject();
    }
}
