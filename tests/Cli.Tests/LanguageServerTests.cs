using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace AlloyLint.Cli.Tests;

/// <summary>
/// <c>alloylint server</c>, driven as an editor drives it: a session of framed JSON-RPC messages on standard input,
/// and the responses and notifications it writes, read back from standard output.
/// </summary>
public sealed class LanguageServerTests
{
    private const string Deprecated = "logging {\n\tlevel = env(\"LEVEL\")\n}\n";

    [Fact]
    public void Answers_initialize_with_its_capabilities_and_exits_0_after_shutdown()
    {
        using var tree = new TempTree();

        var (exitCode, messages) = Serve(tree.Root, Initialize(), Request(2, "shutdown"), Notification("exit"));

        Assert.Equal(0, exitCode);
        var capabilities = Response(messages, 1)!["capabilities"]!;
        Assert.Equal(1, capabilities["textDocumentSync"]!["change"]!.GetValue<int>());
        Assert.True(capabilities["documentFormattingProvider"]!.GetValue<bool>());
        Assert.Equal(["quickfix", "source.fixAll.alloylint"], capabilities["codeActionProvider"]!["codeActionKinds"]!.AsArray().Select(kind => kind!.GetValue<string>()));
        Assert.Equal("alloylint", Response(messages, 1)!["serverInfo"]!["name"]!.GetValue<string>());
        Assert.Null(Response(messages, 2));
    }

    [Fact]
    public void Publishes_the_findings_of_an_open_document_on_each_change_and_clears_them_on_close()
    {
        using var tree = new TempTree().File(".alloylint.yaml", "select: [AL401]\n");
        var uri = FileUri(tree.Root, "config.alloy");

        var (_, messages) = Serve(
            tree.Root,
            Initialize(),
            Open(uri, Deprecated),
            Change(uri, 2, "logging {\n\tlevel = sys.env(\"LEVEL\")\n}\n"),
            Notification("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }),
            Request(2, "shutdown"),
            Notification("exit"));

        var published = messages.Where(message => (string?)message["method"] == "textDocument/publishDiagnostics").Select(message => message["params"]!).ToList();
        Assert.Equal(3, published.Count);
        var finding = Assert.Single(published[0]["diagnostics"]!.AsArray())!;
        Assert.Equal(1, published[0]["version"]!.GetValue<int>());
        Assert.Equal("AL401", finding["code"]!.GetValue<string>());
        Assert.Equal(2, finding["severity"]!.GetValue<int>());
        Assert.Equal("alloylint", finding["source"]!.GetValue<string>());
        Assert.Equal(2, finding["tags"]![0]!.GetValue<int>());
        Assert.Equal("{\"start\":{\"line\":1,\"character\":9},\"end\":{\"line\":1,\"character\":12}}", finding["range"]!.ToJsonString());
        Assert.Empty(published[1]["diagnostics"]!.AsArray());
        Assert.Equal(2, published[1]["version"]!.GetValue<int>());
        Assert.Empty(published[2]["diagnostics"]!.AsArray());
    }

    [Fact]
    public void Follows_a_client_that_sends_changed_ranges()
    {
        using var tree = new TempTree().File(".alloylint.yaml", "select: [AL401]\n");
        var uri = FileUri(tree.Root, "config.alloy");
        var range = new JsonObject
        {
            ["start"] = new JsonObject { ["line"] = 1, ["character"] = 9 },
            ["end"] = new JsonObject { ["line"] = 1, ["character"] = 12 },
        };
        var change = Notification("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = range, ["text"] = "sys.env" }),
        });

        var (_, messages) = Serve(tree.Root, Initialize(), Open(uri, Deprecated), change, Request(2, "textDocument/formatting", FormattingParams(uri)), Request(3, "shutdown"), Notification("exit"));

        var published = Published(messages);
        Assert.Single(published[0]["diagnostics"]!.AsArray());
        Assert.Empty(published[1]["diagnostics"]!.AsArray());
        Assert.Empty(Response(messages, 2)!.AsArray());
    }

    [Fact]
    public void Offers_each_fix_and_a_suppression_as_quick_fixes_and_all_safe_fixes_at_once()
    {
        using var tree = new TempTree().File(".alloylint.yaml", "select: [AL401]\n");
        var uri = FileUri(tree.Root, "config.alloy");
        var text = "logging {\r\n\tlevel  = env(\"LEVEL\")\r\n\tformat = env(\"FORMAT\")\r\n}\r\n";

        var (_, messages) = Serve(
            tree.Root,
            Initialize(),
            Open(uri, text),
            Request(2, "textDocument/codeAction", CodeActionParams(uri, line: 1, only: null)),
            Request(3, "textDocument/codeAction", CodeActionParams(uri, line: 1, only: "source.fixAll")),
            Request(4, "textDocument/codeAction", CodeActionParams(uri, line: 3, only: "quickfix")),
            Request(5, "shutdown"),
            Notification("exit"));

        var actions = Response(messages, 2)!.AsArray();
        Assert.Equal(["quickfix", "quickfix", "source.fixAll.alloylint"], actions.Select(action => action!["kind"]!.GetValue<string>()));
        var quickFix = actions[0]!;
        Assert.Equal("Replace `env` with `sys.env` (AL401)", quickFix["title"]!.GetValue<string>());
        Assert.Equal("quickfix", quickFix["kind"]!.GetValue<string>());
        Assert.True(quickFix["isPreferred"]!.GetValue<bool>());
        Assert.Equal("AL401", quickFix["diagnostics"]![0]!["code"]!.GetValue<string>());
        var edit = Assert.Single(quickFix["edit"]!["changes"]![uri]!.AsArray())!;
        Assert.Equal("{\"range\":{\"start\":{\"line\":1,\"character\":10},\"end\":{\"line\":1,\"character\":13}},\"newText\":\"sys.env\"}", edit.ToJsonString());

        var suppress = actions[1]!;
        Assert.Equal("Suppress AL401 on this line", suppress["title"]!.GetValue<string>());
        Assert.Null(suppress["isPreferred"]);
        var comment = Assert.Single(suppress["edit"]!["changes"]![uri]!.AsArray())!;
        Assert.Equal("{\"range\":{\"start\":{\"line\":1,\"character\":0},\"end\":{\"line\":1,\"character\":0}},\"newText\":\"\\t// alloylint-disable-next-line AL401\\r\\n\"}", comment.ToJsonString());

        var fixAll = Assert.Single(Response(messages, 3)!.AsArray())!;
        Assert.Equal("source.fixAll.alloylint", fixAll["kind"]!.GetValue<string>());
        var whole = Assert.Single(fixAll["edit"]!["changes"]![uri]!.AsArray())!;
        Assert.Equal("{\"start\":{\"line\":1,\"character\":0},\"end\":{\"line\":3,\"character\":0}}", whole["range"]!.ToJsonString());
        Assert.Equal("\tlevel  = sys.env(\"LEVEL\")\r\n\tformat = sys.env(\"FORMAT\")\r\n", whole["newText"]!.GetValue<string>());

        Assert.Empty(Response(messages, 4)!.AsArray());
    }

    [Fact]
    public void Formats_a_document_with_one_edit_and_declines_one_that_does_not_parse()
    {
        using var tree = new TempTree();
        var formatted = FileUri(tree.Root, "a.alloy");
        var broken = FileUri(tree.Root, "b.alloy");

        var (_, messages) = Serve(
            tree.Root,
            Initialize(),
            Open(formatted, "logging {\n  level = \"info\"\n}\n"),
            Open(broken, "logging {\n"),
            Request(2, "textDocument/formatting", FormattingParams(formatted)),
            Request(3, "textDocument/formatting", FormattingParams(broken)),
            Request(4, "shutdown"),
            Notification("exit"));

        var edit = Assert.Single(Response(messages, 2)!.AsArray())!;
        Assert.Equal("{\"range\":{\"start\":{\"line\":1,\"character\":0},\"end\":{\"line\":1,\"character\":2}},\"newText\":\"\\t\"}", edit.ToJsonString());
        Assert.Null(Response(messages, 3));
    }

    [Fact]
    public void An_open_sibling_stands_for_its_file_and_is_linted_again_when_the_other_changes()
    {
        using var tree = new TempTree().File(".alloylint.yaml", "select: [AL101]\n");
        var uses = FileUri(tree.Root, "uses.alloy");
        var declares = FileUri(tree.Root, "declares.alloy");

        var (_, messages) = Serve(
            tree.Root,
            Initialize(),
            Open(declares, "local.file \"token\" {\n\tfilename = \"/token\"\n}\n"),
            Open(uses, "logging {\n\tlevel = local.file.token.content\n}\n"),
            Change(declares, 2, "local.file \"secret\" {\n\tfilename = \"/token\"\n}\n"),
            Request(2, "shutdown"),
            Notification("exit"));

        var published = Published(messages);
        Assert.Equal([declares, uses, declares, declares, uses], published.Select(message => message["uri"]!.GetValue<string>()));
        Assert.All(published.Take(4), message => Assert.Empty(message["diagnostics"]!.AsArray()));
        Assert.Equal("AL101", Assert.Single(published[4]["diagnostics"]!.AsArray())!["code"]!.GetValue<string>());
    }

    [Fact]
    public void Watches_configuration_and_alloy_files_when_the_client_can_and_lints_every_open_document_when_one_changes()
    {
        using var tree = new TempTree().File(".alloylint.yaml", "select: [AL401]\n");
        var uri = FileUri(tree.Root, "config.alloy");
        var initialize = Request(1, "initialize", new JsonObject
        {
            ["capabilities"] = new JsonObject { ["workspace"] = new JsonObject { ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true } } },
        });
        var changed = Notification("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = FileUri(tree.Root, ".alloylint.yaml"), ["type"] = 2 }),
        });

        // The configuration changes on disk between the two lints: the session's input is read as the server goes.
        var (_, messages) = Serve(
            tree.Root,
            [initialize, Notification("initialized", new JsonObject()), Open(uri, Deprecated), changed, Request(2, "shutdown"), Notification("exit")],
            afterFrame: index =>
            {
                if (index == 2)
                {
                    File.WriteAllText(Path.Combine(tree.Root, ".alloylint.yaml"), "select: [AL403]\n");
                }
            });

        var register = Assert.Single(messages, message => (string?)message["method"] == "client/registerCapability")!;
        var watchers = register["params"]!["registrations"]![0]!["registerOptions"]!["watchers"]!.AsArray();
        Assert.Equal(["**/.alloylint.yaml", "**/*.alloy"], watchers.Select(watcher => watcher!["globPattern"]!.GetValue<string>()));
        var published = Published(messages);
        Assert.Equal(2, published.Count);
        Assert.Single(published[0]["diagnostics"]!.AsArray());
        Assert.Empty(published[1]["diagnostics"]!.AsArray());
    }

    [Fact]
    public void Answers_what_it_cannot_handle_with_errors_and_keeps_serving()
    {
        using var tree = new TempTree();

        var (exitCode, messages) = Serve(
            tree.Root,
            Initialize(),
            Request(2, "textDocument/hover", new JsonObject()),
            Request(3, "textDocument/codeAction", new JsonObject()),
            Frame("{not json"),
            Request(4, "shutdown"),
            Request(5, "textDocument/formatting", new JsonObject()),
            Notification("exit"));

        Assert.Equal(0, exitCode);
        Assert.Equal(-32601, Error(messages, 2));
        Assert.Equal(-32602, Error(messages, 3));
        Assert.Equal(-32700, messages.Single(message => message["id"] is null && message["error"] is not null)["error"]!["code"]!.GetValue<int>());
        Assert.Equal(-32600, Error(messages, 5));
    }

    [Fact]
    public void Exits_1_when_the_client_exits_without_shutting_down_and_2_on_a_broken_header()
    {
        using var tree = new TempTree();

        Assert.Equal(1, Serve(tree.Root, Initialize(), Notification("exit")).ExitCode);
        Assert.Equal(1, Serve(tree.Root, Initialize()).ExitCode);
        var broken = CliRunner.Run(tree.Root, ["server"], "Content-Length: many\r\n\r\n{}");
        Assert.Equal(2, broken.ExitCode);
        Assert.Equal("alloylint server: invalid Content-Length header: 'Content-Length: many'\n", broken.Error);
        var huge = CliRunner.Run(tree.Root, ["server"], "Content-Length: 2000000000\r\n\r\n{}");
        Assert.Equal(2, huge.ExitCode);
        Assert.Equal("alloylint server: invalid Content-Length header: 'Content-Length: 2000000000'\n", huge.Error);
    }

    [Fact]
    public void Shows_a_configuration_error_once_and_publishes_nothing_for_it()
    {
        using var tree = new TempTree().File(".alloylint.yaml", "select: [AL7]\n");
        var uri = FileUri(tree.Root, "config.alloy");

        var (_, messages) = Serve(tree.Root, Initialize(), Open(uri, Deprecated), Change(uri, 2, Deprecated), Request(2, "shutdown"), Notification("exit"));

        var shown = Assert.Single(messages, message => (string?)message["method"] == "window/showMessage")!["params"]!;
        Assert.Equal(1, shown["type"]!.GetValue<int>());
        Assert.Equal("alloylint: .alloylint.yaml:1:10: error: unknown rule or prefix 'AL7'", shown["message"]!.GetValue<string>());
        Assert.All(
            messages.Where(message => (string?)message["method"] == "textDocument/publishDiagnostics"),
            message => Assert.Empty(message["params"]!["diagnostics"]!.AsArray()));
    }

    private static (int ExitCode, List<JsonNode> Messages) Serve(string root, params string[] frames) => Serve(root, frames, afterFrame: null);

    /// <summary>Runs a session; <paramref name="afterFrame"/> is called once the server has read each frame (by index) and before it reads the next.</summary>
    private static (int ExitCode, List<JsonNode> Messages) Serve(string root, string[] frames, Action<int>? afterFrame)
    {
        var result = CliRunner.RunReading(root, ["server"], new FrameStream(frames, afterFrame));
        return (result.ExitCode, ReadFrames(result.Out));
    }

    private static List<JsonNode> Published(List<JsonNode> messages) =>
        [.. messages.Where(message => (string?)message["method"] == "textDocument/publishDiagnostics").Select(message => message["params"]!)];

    private static List<JsonNode> ReadFrames(string output)
    {
        var messages = new List<JsonNode>();
        var bytes = Encoding.UTF8.GetBytes(output);
        var position = 0;
        while (position < bytes.Length)
        {
            var headerEnd = output.IndexOf("\r\n\r\n", Encoding.UTF8.GetCharCount(bytes, 0, position), StringComparison.Ordinal);
            var header = output[Encoding.UTF8.GetCharCount(bytes, 0, position)..headerEnd];
            Assert.StartsWith("Content-Length: ", header, StringComparison.Ordinal);
            var length = int.Parse(header["Content-Length: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            var bodyStart = Encoding.UTF8.GetByteCount(output.AsSpan(0, headerEnd + 4));
            messages.Add(JsonNode.Parse(bytes.AsSpan(bodyStart, length))!);
            position = bodyStart + length;
        }

        return messages;
    }

    private static JsonNode? Response(List<JsonNode> messages, int id) =>
        messages.Single(message => message["id"]?.GetValueKind() == JsonValueKind.Number && message["id"]!.GetValue<int>() == id)["result"];

    private static int Error(List<JsonNode> messages, int id) =>
        messages.Single(message => message["id"]?.GetValueKind() == JsonValueKind.Number && message["id"]!.GetValue<int>() == id)["error"]!["code"]!.GetValue<int>();

    private static string FileUri(string root, string name) => new Uri(Path.Combine(root, name)).AbsoluteUri;

    private static string Initialize() => Request(1, "initialize", new JsonObject { ["processId"] = null, ["rootUri"] = null, ["capabilities"] = new JsonObject() });

    private static string Open(string uri, string text) =>
        Notification("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "alloy", ["version"] = 1, ["text"] = text },
        });

    private static string Change(string uri, int version, string text) =>
        Notification("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });

    private static JsonObject CodeActionParams(string uri, int line, string? only)
    {
        var context = new JsonObject { ["diagnostics"] = new JsonArray() };
        if (only is not null)
        {
            context["only"] = new JsonArray(only);
        }

        return new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = line, ["character"] = 0 },
                ["end"] = new JsonObject { ["line"] = line, ["character"] = 0 },
            },
            ["context"] = context,
        };
    }

    private static JsonObject FormattingParams(string uri) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["options"] = new JsonObject { ["tabSize"] = 4, ["insertSpaces"] = true },
    };

    private static string Request(int id, string method, JsonObject? parameters = null)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        return Frame(message.ToJsonString());
    }

    private static string Notification(string method, JsonObject? parameters = null)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        return Frame(message.ToJsonString());
    }

    private static string Frame(string json) => $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";

    /// <summary>Standard input that hands the server one frame per read call, and says when the server moves to the next frame.</summary>
    private sealed class FrameStream(string[] frames, Action<int>? afterFrame) : Stream
    {
        private readonly byte[][] _frames = [.. frames.Select(Encoding.UTF8.GetBytes)];
        private int _frame;
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_frame < _frames.Length && _position == _frames[_frame].Length)
            {
                afterFrame?.Invoke(_frame);
                (_frame, _position) = (_frame + 1, 0);
            }

            if (_frame == _frames.Length)
            {
                return 0;
            }

            var length = Math.Min(count, _frames[_frame].Length - _position);
            Array.Copy(_frames[_frame], _position, buffer, offset, length);
            _position += length;
            return length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
