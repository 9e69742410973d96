using System.Text.Json.Serialization;

namespace AlloyLint.Cli.Reporting.Json;

// The JSON output format, version 1 (docs/json-format.md). Add fields freely; renaming or removing one needs a new version.

internal sealed record JsonReport(
    int Version,
    JsonTool Tool,
    IReadOnlyList<JsonDiagnostic> Diagnostics,
    IReadOnlyList<JsonError> Errors,
    JsonSummary Summary);

internal sealed record JsonTool(string Name, string Version);

internal sealed record JsonDiagnostic(
    string Path,
    JsonRule Rule,
    string Severity,
    string Message,
    JsonPosition Start,
    JsonPosition End,
    JsonFix? Fix);

internal sealed record JsonRule(string Id, string Name, string Category);

/// <summary>1-based line, 1-based column in UTF-16 code units, 0-based UTF-16 offset into the file's text (after any BOM).</summary>
internal sealed record JsonPosition(int Line, int Column, int Offset);

internal sealed record JsonFix(string Title, string Applicability, IReadOnlyList<JsonEdit> Edits);

internal sealed record JsonEdit(JsonPosition Start, JsonPosition End, string NewText);

internal sealed record JsonError(string Path, string Message);

internal sealed record JsonSummary(int Files, int Errors, int Warnings, int Notes, int Fixable, int Fixed);

[JsonSerializable(typeof(JsonReport))]
internal sealed partial class JsonReportContext : JsonSerializerContext
{
    public static JsonReportContext Readable { get; } = new(JsonOutput.Options(JsonIgnoreCondition.Never));
}
