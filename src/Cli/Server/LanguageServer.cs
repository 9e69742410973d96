using System.Text.Json;
using AlloyLint.Cli.Commands;
using AlloyLint.Cli.Configuration;
using AlloyLint.Cli.IO;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;

namespace AlloyLint.Cli.Server;

/// <summary>
/// <c>alloylint server</c>: a language server on standard input and output, so that an editor underlines findings as
/// the user types. Each open document is linted on every change with the configuration that applies to its path,
/// among its siblings on disk, where other open documents stand for their files. It offers each finding's fix and its
/// suppression as quick fixes, every safe fix at once as <c>source.fixAll</c>, and formatting.
/// <list type="bullet">
/// <item>Positions are counted in UTF-16 code units, the protocol's default.</item>
/// <item>Documents are synchronised whole; a client that sends changed ranges anyway is followed.</item>
/// <item>A change lints the other open documents of its folder again; a change on disk to a configuration file or an
/// Alloy file, when the client watches files, lints all of them.</item>
/// </list>
/// </summary>
internal sealed class LanguageServer(CliConsole console, LspTransport transport)
{
    private const int ParseError = -32700;
    private const int InvalidParams = -32602;
    private const int MethodNotFound = -32601;
    private const int InvalidRequest = -32600;
    private const int InternalError = -32603;
    private const string FixAllKind = "source.fixAll.alloylint";

    /// <summary>The protocol's exit code when the client exits (or closes the input) without asking to shut down first.</summary>
    private const int ExitWithoutShutdown = 1;

    private readonly DiskWorkspace _workspace = new(console.WorkingDirectory, keepTrees: true);
    private readonly Dictionary<string, Document> _documents = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<RuleMetadata> _rules = [.. RuleRegistry.All.Select(rule => rule.Metadata)];
    private readonly HashSet<string> _configurationErrorsShown = new(StringComparer.Ordinal);
    private bool _shutdownRequested;

    // Whether the client lets the server register file watchers (workspace.didChangeWatchedFiles.dynamicRegistration).
    private bool _watchesFiles;

    /// <summary>An open document: the URI the client names it by, its text as a source at its path, and its version.</summary>
    private sealed record Document(string Uri, SourceText Source, int Version);

    /// <summary>
    /// Serves until the client sends <c>exit</c> or closes the input: exit code 0 when it asked to shut down first, else 1;
    /// 2 when the input breaks the framing.
    /// </summary>
    public int Run()
    {
        while (true)
        {
            byte[]? body;
            try
            {
                body = transport.Read();
            }
            catch (Exception error) when (error is InvalidDataException or EndOfStreamException or IOException)
            {
                console.Error.WriteLine($"{ProductInfo.Name} server: {error.Message}");
                return ExitCodes.Error;
            }

            if (body is null)
            {
                return _shutdownRequested ? ExitCodes.Clean : ExitWithoutShutdown;
            }

            JsonDocument message;
            try
            {
                message = JsonDocument.Parse(body);
            }
            catch (JsonException error)
            {
                RespondError(id: null, ParseError, $"the message is not JSON: {error.Message}");
                continue;
            }

            using (message)
            {
                if (Handle(message.RootElement) is { } exitCode)
                {
                    return exitCode;
                }
            }
        }
    }

    /// <summary>Handles one message; the exit code once the client sends <c>exit</c>, else null.</summary>
    private int? Handle(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object
            || !message.TryGetProperty("method", out var methodElement)
            || methodElement.ValueKind != JsonValueKind.String)
        {
            // A response to the server's own request (client/registerCapability), or not a message at all.
            return null;
        }

        var method = methodElement.GetString()!;
        JsonElement? id = message.TryGetProperty("id", out var given) ? given.Clone() : null;
        var parameters = message.TryGetProperty("params", out var found) ? found : default;
        if (method == "exit")
        {
            return _shutdownRequested ? ExitCodes.Clean : ExitWithoutShutdown;
        }

        if (_shutdownRequested && id is not null)
        {
            RespondError(id, InvalidRequest, "the server is shutting down");
            return null;
        }

        try
        {
            Dispatch(method, id, parameters);
        }
        catch (Exception error) when (error is InvalidDataException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            Fail(id, method, InvalidParams, error);
        }
        catch (Exception error)
        {
            Fail(id, method, InternalError, error);
        }

        return null;
    }

    private void Dispatch(string method, JsonElement? id, JsonElement parameters)
    {
        switch (method)
        {
            case "initialize":
                _watchesFiles = parameters.TryGetProperty("capabilities", out var client)
                    && client.TryGetProperty("workspace", out var workspace)
                    && workspace.TryGetProperty("didChangeWatchedFiles", out var watched)
                    && watched.TryGetProperty("dynamicRegistration", out var dynamic)
                    && dynamic.ValueKind == JsonValueKind.True;
                Respond(id, WriteCapabilities);
                break;
            case "initialized":
                if (_watchesFiles)
                {
                    RegisterFileWatchers();
                }

                break;
            case "workspace/didChangeWatchedFiles":
                // A configuration file or a sibling changed on disk: every open document may read differently now.
                foreach (var document in _documents.Values.ToList())
                {
                    Publish(document);
                }

                break;
            case "shutdown":
                _shutdownRequested = true;
                Respond(id, json => json.WriteNullValue());
                break;
            case "textDocument/didOpen":
            {
                var item = parameters.GetProperty("textDocument");
                Update(item.GetProperty("uri").GetString()!, item.GetProperty("text").GetString()!, item.GetProperty("version").GetInt32());
                break;
            }

            case "textDocument/didChange":
            {
                var document = parameters.GetProperty("textDocument");
                var uri = document.GetProperty("uri").GetString()!;
                var text = _documents.TryGetValue(uri, out var open) ? open.Source.Text : string.Empty;
                foreach (var change in parameters.GetProperty("contentChanges").EnumerateArray())
                {
                    text = Changed(text, change);
                }

                Update(uri, text, document.GetProperty("version").GetInt32());
                break;
            }

            case "textDocument/didClose":
                Close(parameters.GetProperty("textDocument").GetProperty("uri").GetString()!);
                break;
            case "textDocument/codeAction":
                Respond(id, json => WriteCodeActions(json, parameters));
                break;
            case "textDocument/formatting":
                Respond(id, json => WriteFormatting(json, parameters));
                break;
            default:
                // Notifications the server has no use for ($/cancelRequest, didSave...) are ignored.
                if (id is not null)
                {
                    RespondError(id, MethodNotFound, $"{ProductInfo.Name} does not handle '{method}'");
                }

                break;
        }
    }

    private void Fail(JsonElement? id, string method, int code, Exception error)
    {
        var message = $"{method}: {error.Message}";
        if (id is not null)
        {
            RespondError(id, code, message);
        }
        else
        {
            console.Error.WriteLine($"{ProductInfo.Name} server: {message}");
        }
    }

    private static void WriteCapabilities(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteStartObject("capabilities");
        json.WriteString("positionEncoding", "utf-16");
        json.WriteStartObject("textDocumentSync");
        json.WriteBoolean("openClose", true);
        json.WriteNumber("change", 1);
        json.WriteEndObject();
        json.WriteStartObject("codeActionProvider");
        json.WriteStartArray("codeActionKinds");
        json.WriteStringValue("quickfix");
        json.WriteStringValue(FixAllKind);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteBoolean("documentFormattingProvider", true);
        json.WriteEndObject();
        json.WriteStartObject("serverInfo");
        json.WriteString("name", ProductInfo.Name);
        json.WriteString("version", ProductInfo.Version);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void Update(string uri, string text, int version)
    {
        var document = new Document(uri, SourceText.From(text, PathOf(uri)), version);
        _documents[uri] = document;
        _workspace.Overlay(document.Source);
        Publish(document);
        PublishSiblings(document.Source.Path);
    }

    private void Close(string uri)
    {
        if (_documents.Remove(uri, out var document))
        {
            _workspace.RemoveOverlay(document.Source.Path);
            PublishSiblings(document.Source.Path);
        }

        Publish(uri, version: null, []);
    }

    private void Publish(Document document) => Publish(document.Uri, document.Version, Lint(document)?.Findings ?? []);

    /// <summary>Lints again the other open documents in the folder of <paramref name="path"/>, which may refer to what changed there.</summary>
    private void PublishSiblings(string path)
    {
        var folder = Path.GetDirectoryName(path);
        foreach (var sibling in _documents.Values.Where(open => open.Source.Path != path && Path.GetDirectoryName(open.Source.Path) == folder).ToList())
        {
            Publish(sibling);
        }
    }

    /// <summary>Asks the client to report changes to configuration files and Alloy files on disk (<c>workspace/didChangeWatchedFiles</c>).</summary>
    private void RegisterFileWatchers() =>
        transport.Write(json =>
        {
            json.WriteString("id", "alloylint/watch");
            json.WriteString("method", "client/registerCapability");
            json.WriteStartObject("params");
            json.WriteStartArray("registrations");
            json.WriteStartObject();
            json.WriteString("id", "alloylint/watch");
            json.WriteString("method", "workspace/didChangeWatchedFiles");
            json.WriteStartObject("registerOptions");
            json.WriteStartArray("watchers");
            foreach (var glob in (string[])[$"**/{ConfigFile.FileName}", "**/*.alloy"])
            {
                json.WriteStartObject();
                json.WriteString("globPattern", glob);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });

    /// <summary>
    /// The document's findings, its tree and the linter that found them, with the configuration of its path (read again each
    /// time, so that edits to it apply at once); null when that configuration has an error, which is shown once.
    /// </summary>
    private (Linter Linter, SyntaxTree Tree, List<LintDiagnostic> Findings)? Lint(Document document)
    {
        LintSettings settings;
        try
        {
            var config = new ConfigResolver(new ConfigLoader(_rules), explicitConfigPath: null, console.WorkingDirectory).ForFile(document.Source.Path);
            settings = SettingsBuilder.Build(config, new LintOptions());
        }
        catch (ConfigurationException error)
        {
            var message = $"{error.Path}:{error.Line}:{error.Column}: error: {error.Message}";
            if (_configurationErrorsShown.Add(message))
            {
                transport.Write(json =>
                {
                    json.WriteString("method", "window/showMessage");
                    json.WriteStartObject("params");
                    json.WriteNumber("type", 1);
                    json.WriteString("message", $"{ProductInfo.Name}: {message}");
                    json.WriteEndObject();
                });
            }

            return null;
        }

        var linter = new Linter(settings);
        var tree = AlloyParser.Parse(document.Source);
        var findings = linter.Lint(linter.FormConfigurations([tree], _workspace), _workspace)
            .Where(finding => finding.Source.Path == document.Source.Path)
            .ToList();
        return (linter, tree, findings);
    }

    private void Publish(string uri, int? version, List<LintDiagnostic> findings) =>
        transport.Write(json =>
        {
            json.WriteString("method", "textDocument/publishDiagnostics");
            json.WriteStartObject("params");
            json.WriteString("uri", uri);
            if (version is { } number)
            {
                json.WriteNumber("version", number);
            }

            json.WriteStartArray("diagnostics");
            foreach (var finding in findings)
            {
                WriteDiagnostic(json, finding);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void WriteDiagnostic(Utf8JsonWriter json, LintDiagnostic finding)
    {
        json.WriteStartObject();
        WriteRange(json, finding.Source, finding.Span);
        json.WriteNumber("severity", finding.Severity switch { Severity.Error => 1, Severity.Warning => 2, _ => 3 });
        json.WriteString("code", finding.Rule.Id);
        json.WriteStartObject("codeDescription");
        json.WriteString("href", ProductInfo.RuleHelpUri(finding.Rule.Id));
        json.WriteEndObject();
        json.WriteString("source", ProductInfo.Name);
        json.WriteString("message", finding.Message);
        if (finding.Rule.Category is RuleCategory.Suppression or RuleCategory.Deprecation)
        {
            // Unnecessary (greyed out) or Deprecated (struck through).
            json.WriteStartArray("tags");
            json.WriteNumberValue(finding.Rule.Category == RuleCategory.Suppression ? 1 : 2);
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// For the findings on the requested lines, a quick fix per fix and one that suppresses each (as
    /// <c>--add-suppressions</c> would), then all safe fixes at once; as the request's <c>only</c> allows.
    /// </summary>
    private void WriteCodeActions(Utf8JsonWriter json, JsonElement parameters)
    {
        json.WriteStartArray();
        var uri = parameters.GetProperty("textDocument").GetProperty("uri").GetString()!;
        if (_documents.TryGetValue(uri, out var document) && Lint(document) is (var linter, var tree, var findings))
        {
            var source = document.Source;
            // The whole lines of the range: a light bulb anywhere on a line offers the fixes of that line.
            var range = parameters.GetProperty("range");
            var start = source.Lines.LineStart(source.Lines.GetLine(Offset(source, range.GetProperty("start"))));
            var end = source.Lines.LineEnd(source.Lines.GetLine(Offset(source, range.GetProperty("end"))));
            var only = parameters.TryGetProperty("context", out var context) && context.TryGetProperty("only", out var kinds)
                ? kinds.EnumerateArray().Select(kind => kind.GetString()!).ToList()
                : [];
            bool Wants(string kind) => only.Count == 0 || only.Any(wanted => kind == wanted || kind.StartsWith(wanted + ".", StringComparison.Ordinal));

            var onLines = findings.Where(finding => finding.Span.Start <= end && start <= finding.Span.End).ToList();
            if (Wants("quickfix"))
            {
                foreach (var finding in onLines.Where(finding => finding.Fix is { Edits.IsEmpty: false }))
                {
                    var fix = finding.Fix!;
                    var safe = fix.Applicability == Applicability.Safe;
                    WriteCodeAction(
                        json,
                        $"{fix.Title} ({finding.Rule.Id}{(safe ? string.Empty : ", unsafe: may change behaviour")})",
                        "quickfix",
                        safe,
                        uri,
                        source,
                        [.. fix.Edits.Select(edit => edit.WithLineEnding(source.LineEnding)).OrderBy(edit => edit.Span.Start)],
                        finding);
                }

                foreach (var finding in onLines.Where(SuppressionAdder.IsSuppressible))
                {
                    var (edit, wholeFile) = SuppressionAdder.EditFor(tree, finding);
                    var title = $"Suppress {finding.Rule.Id} {(wholeFile ? "in this file" : "on this line")}";
                    WriteCodeAction(json, title, "quickfix", preferred: false, uri, source, [edit], finding);
                }
            }

            if (Wants(FixAllKind)
                && findings.Any(finding => finding.Fix is { Applicability: Applicability.Safe })
                && new FixApplier(linter).Apply(source, _workspace, includeUnsafe: false, findings) is { Changed: true } result)
            {
                WriteCodeAction(json, $"Apply every safe fix ({ProductInfo.Name})", FixAllKind, preferred: false, uri, source, [WholeLines(source.Text, result.NewText)], finding: null);
            }
        }

        json.WriteEndArray();
    }

    private static void WriteCodeAction(
        Utf8JsonWriter json,
        string title,
        string kind,
        bool preferred,
        string uri,
        SourceText source,
        IReadOnlyList<TextEdit> edits,
        LintDiagnostic? finding)
    {
        json.WriteStartObject();
        json.WriteString("title", title);
        json.WriteString("kind", kind);
        if (finding is not null)
        {
            json.WriteStartArray("diagnostics");
            WriteDiagnostic(json, finding);
            json.WriteEndArray();
        }

        if (preferred)
        {
            json.WriteBoolean("isPreferred", true);
        }

        json.WriteStartObject("edit");
        json.WriteStartObject("changes");
        json.WriteStartArray(uri);
        foreach (var edit in edits)
        {
            WriteTextEdit(json, source, edit);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The one edit to the canonical layout; none when formatted; null when the document does not parse.</summary>
    private void WriteFormatting(Utf8JsonWriter json, JsonElement parameters)
    {
        var uri = parameters.GetProperty("textDocument").GetProperty("uri").GetString()!;
        if (!_documents.TryGetValue(uri, out var document) || AlloyParser.Parse(document.Source) is not { HasErrors: false } tree)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartArray();
        if (AlloyFormatter.FindCanonicalChange(tree) is { } change)
        {
            WriteTextEdit(json, document.Source, TextEdit.Replace(change.Span, change.Replacement));
        }

        json.WriteEndArray();
    }

    private static void WriteTextEdit(Utf8JsonWriter json, SourceText source, TextEdit edit)
    {
        json.WriteStartObject();
        WriteRange(json, source, edit.Span);
        json.WriteString("newText", edit.NewText);
        json.WriteEndObject();
    }

    private static void WriteRange(Utf8JsonWriter json, SourceText source, TextSpan span)
    {
        json.WriteStartObject("range");
        WritePosition(json, "start", source.GetPosition(span.Start));
        WritePosition(json, "end", source.GetPosition(span.End));
        json.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter json, string name, LinePosition position)
    {
        json.WriteStartObject(name);
        json.WriteNumber("line", position.Line - 1);
        json.WriteNumber("character", position.Column - 1);
        json.WriteEndObject();
    }

    /// <summary>
    /// <paramref name="text"/> after one content change: the whole new text (what the server asks for), or, from a
    /// client that sends only what changed, the text of a range replaced.
    /// </summary>
    private static string Changed(string text, JsonElement change)
    {
        var newText = change.GetProperty("text").GetString()!;
        if (!change.TryGetProperty("range", out var range))
        {
            return newText;
        }

        var source = SourceText.From(text);
        var (start, end) = (Offset(source, range.GetProperty("start")), Offset(source, range.GetProperty("end")));
        return end < start ? throw new InvalidDataException("a change's range ends before it starts") : string.Concat(text.AsSpan(0, start), newText, text.AsSpan(end));
    }

    /// <summary>The offset of a protocol position; past the end of its line or of the text, the end of that line or text.</summary>
    private static int Offset(SourceText source, JsonElement position)
    {
        var line = position.GetProperty("line").GetInt32() + 1;
        if (line > source.Lines.LineCount)
        {
            return source.Length;
        }

        var start = source.Lines.LineStart(line);
        return Math.Min(start + Math.Max(position.GetProperty("character").GetInt32(), 0), source.Lines.LineEnd(line));
    }

    /// <summary>
    /// The edit from <paramref name="before"/> to <paramref name="after"/> over the whole lines that differ, so that the
    /// editor keeps the cursor and folds of the lines that stay.
    /// </summary>
    private static TextEdit WholeLines(string before, string after)
    {
        // From the start of the line where they first differ...
        var start = before.AsSpan().CommonPrefixLength(after);
        start = start == 0 ? 0 : before.LastIndexOf('\n', start - 1) + 1;

        // ...to the end of the line where they last differ.
        var end = before.Length;
        for (var afterEnd = after.Length; end > start && afterEnd > start && before[end - 1] == after[afterEnd - 1]; afterEnd--)
        {
            end--;
        }

        if (end > 0 && before[end - 1] != '\n')
        {
            var lineBreak = before.IndexOf('\n', end);
            end = lineBreak < 0 ? before.Length : lineBreak + 1;
        }

        return TextEdit.Replace(TextSpan.FromBounds(start, end), after[start..(after.Length - (before.Length - end))]);
    }

    /// <summary>The path a document stands for: a <c>file:</c> URI's path, else a file in the working folder named after the URI.</summary>
    private string PathOf(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile
            ? Path.GetFullPath(parsed.LocalPath)
            : Path.Combine(console.WorkingDirectory, string.Concat(uri.Split(Path.GetInvalidFileNameChars())) + ".alloy");

    private void Respond(JsonElement? id, Action<Utf8JsonWriter> writeResult) =>
        transport.Write(json =>
        {
            WriteId(json, id);
            json.WritePropertyName("result");
            writeResult(json);
        });

    private void RespondError(JsonElement? id, int code, string message) =>
        transport.Write(json =>
        {
            WriteId(json, id);
            json.WriteStartObject("error");
            json.WriteNumber("code", code);
            json.WriteString("message", message);
            json.WriteEndObject();
        });

    private static void WriteId(Utf8JsonWriter json, JsonElement? id)
    {
        json.WritePropertyName("id");
        if (id is { } value)
        {
            value.WriteTo(json);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
