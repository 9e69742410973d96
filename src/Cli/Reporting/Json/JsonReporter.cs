using System.Text.Json;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;

namespace AlloyLint.Cli.Reporting.Json;

/// <summary>The versioned JSON document of docs/json-format.md, written with System.Text.Json source generation.</summary>
internal sealed class JsonReporter(ReportOptions options) : IReporter
{
    public const int FormatVersion = 1;

    public void Write(LintReport report, TextWriter output)
    {
        var document = new JsonReport(
            FormatVersion,
            new JsonTool(ProductInfo.Name, ProductInfo.Version),
            [.. report.Diagnostics.Select(ToJson)],
            [.. report.Problems.Select(problem => new JsonError(options.DisplayPath(problem.Path), problem.Message))],
            new JsonSummary(
                report.FileCount,
                report.Count(Severity.Error),
                report.Count(Severity.Warning),
                report.Count(Severity.Note),
                report.Diagnostics.Count(diagnostic => diagnostic.Fix is not null),
                report.FixesApplied));
        JsonSerializer.Serialize(new TextWriterStream(output), document, JsonReportContext.Readable.JsonReport);
        output.WriteLine();
    }

    private JsonDiagnostic ToJson(LintDiagnostic diagnostic) => new(
        options.DisplayPath(diagnostic.Source.Path),
        new JsonRule(diagnostic.Rule.Id, diagnostic.Rule.Name, RuleCategories.Name(diagnostic.Rule.Category)),
        SeverityNames.Name(diagnostic.Severity),
        diagnostic.Message,
        Position(diagnostic.Source, diagnostic.Span.Start),
        Position(diagnostic.Source, diagnostic.Span.End),
        diagnostic.Fix is { } fix
            ? new JsonFix(
                fix.Title,
                fix.Applicability == Applicability.Safe ? "safe" : "unsafe",
                [.. fix.Edits.Select(edit => new JsonEdit(Position(diagnostic.Source, edit.Span.Start), Position(diagnostic.Source, edit.Span.End), edit.NewText))])
            : null);

    private static JsonPosition Position(SourceText source, int offset)
    {
        var position = source.GetPosition(offset);
        return new JsonPosition(position.Line, position.Column, offset);
    }
}
