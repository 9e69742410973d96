using System.Text.Json;
using Xunit;

namespace AlloyLint.Cli.Tests;

/// <summary>The command line end to end, in-process: exit codes, messages, discovery, configuration, stdin.</summary>
public class CliTests
{
    private const string Valid = "logging {\n\tlevel = \"info\"\n}\n";
    private const string Broken = "logging {\n\tlevel = \n}\n";

    [Fact]
    public void Version_prints_name_and_semantic_version()
    {
        using var tree = new TempTree();

        var result = CliRunner.Run(tree.Root, "--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^alloylint \d+\.\d+\.\d+\n$", result.Out);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--fail-level", "fatal")]
    [InlineData("--no-such-option")]
    [InlineData("--mode", "sometimes")]
    public void A_usage_error_is_one_line_and_exit_code_2(params string[] args)
    {
        using var tree = new TempTree();

        var result = CliRunner.Run(tree.Root, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Matches(@"^alloylint: error: [^\n]+\n$", result.Error);
    }

    [Fact]
    public void An_unknown_rule_selector_is_a_usage_error()
    {
        using var tree = new TempTree().File("a.alloy", Valid);

        var result = CliRunner.Run(tree.Root, "--select", "AL001,AL77");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("alloylint: error: unknown rule or prefix 'AL77' in --select/--ignore (see 'alloylint rules')\n", result.Error);
    }

    [Fact]
    public void A_clean_tree_exits_0()
    {
        using var tree = new TempTree().File("a.alloy", Valid);

        var result = CliRunner.Run(tree.Root, "--select", "AL001");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("All checks passed (1 file).\n", result.Out);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void Syntax_errors_exit_1_in_the_concise_line_format()
    {
        using var tree = new TempTree().File("conf/broken.alloy", Broken).File("conf/ok.alloy", Valid);

        var result = CliRunner.Run(tree.Root, "--format", "concise", "--select", "AL001");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^conf/broken\.alloy:3:1: error: .+ \[AL001\]$", line);
    }

    [Fact]
    public void A_missing_path_is_reported_the_others_are_linted_and_the_exit_code_is_2()
    {
        using var tree = new TempTree().File("broken.alloy", Broken);

        var result = CliRunner.Run(tree.Root, "--format", "concise", "--select", "AL001", "missing.alloy", "broken.alloy");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("missing.alloy: error: no such file or directory\n", result.Error);
        Assert.StartsWith("broken.alloy:3:1: error: ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_reported_not_linted()
    {
        using var tree = new TempTree().Bytes("blob.alloy", [0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]).File("ok.alloy", Valid);

        var result = CliRunner.Run(tree.Root, "--select", "AL001", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("blob.alloy: error: binary file (contains NUL bytes), not linted\n", result.Error);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
        Assert.Equal("blob.alloy", json.RootElement.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public void Standard_input_is_linted_under_its_stdin_filename()
    {
        using var tree = new TempTree();

        var named = CliRunner.Run(tree.Root, ["--format", "concise", "--select", "AL001", "--stdin-filename", "deploy/in.alloy", "-"], Broken);
        var unnamed = CliRunner.Run(tree.Root, ["--format", "concise", "--select", "AL001", "-"], Broken);

        Assert.Equal(1, named.ExitCode);
        Assert.StartsWith("deploy/in.alloy:3:1: error: ", named.Out, StringComparison.Ordinal);
        Assert.StartsWith("<stdin>:3:1: error: ", unnamed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_cannot_be_mixed_with_paths()
    {
        using var tree = new TempTree();

        var result = CliRunner.Run(tree.Root, ["-", "a.alloy"], Valid);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("alloylint: error: '-' (standard input) cannot be combined with other paths\n", result.Error);
    }

    [Fact]
    public void No_path_means_the_working_directory_with_gitignore_honoured()
    {
        using var tree = new TempTree()
            .Folder(".git")
            .File(".gitignore", "build/\n")
            .File("build/out.alloy", Broken)
            .File("src/a.alloy", Broken);

        var result = CliRunner.Run(tree.Root, "--format", "concise", "--select", "AL001");

        Assert.Equal(1, result.ExitCode);
        Assert.All(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("src/a.alloy:", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Fail_level_and_exit_zero_decide_the_exit_code()
    {
        using var tree = new TempTree().File("a.alloy", Broken).File(".alloylint.yaml", "rules:\n  AL001: note\n");

        Assert.Equal(0, CliRunner.Run(tree.Root, "--select", "AL001").ExitCode);
        Assert.Equal(1, CliRunner.Run(tree.Root, "--select", "AL001", "--fail-level", "note").ExitCode);
        Assert.Equal(0, CliRunner.Run(tree.Root, "--select", "AL001", "--fail-level", "note", "--exit-zero").ExitCode);
    }

    [Fact]
    public void A_configuration_error_names_its_position_and_exits_2()
    {
        using var tree = new TempTree().File("team/a.alloy", Valid).File("team/.alloylint.yaml", "select: [AL001]\nrules:\n  AL001: fatal\n");

        var result = CliRunner.Run(tree.Root);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("team/.alloylint.yaml:3:10: error: invalid severity 'fatal': expected one of error, warning, note, off\n", result.Error);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void The_nearest_configuration_applies_and_its_excludes_skip_folders()
    {
        using var tree = new TempTree()
            .File(".alloylint.yaml", "select: [AL001]\nexclude: [\"vendor/\"]\n")
            .File("vendor/x.alloy", Broken)
            .File("quiet/.alloylint.yaml", "ignore: [AL001]\n")
            .File("quiet/b.alloy", Broken)
            .File("loud/c.alloy", Broken);

        var result = CliRunner.Run(tree.Root, "--format", "concise");

        Assert.Equal(1, result.ExitCode);
        Assert.All(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("loud/c.alloy:", line, StringComparison.Ordinal));
    }

    [Fact]
    public void An_explicit_config_file_overrides_discovery()
    {
        using var tree = new TempTree()
            .File("ci.yaml", "ignore: [AL001]\n")
            .File("a.alloy", Broken);

        Assert.Equal(0, CliRunner.Run(tree.Root, "--config", "ci.yaml", "--select", "AL0").ExitCode);
        Assert.Equal(2, CliRunner.Run(tree.Root, "--config", "nope.yaml").ExitCode);
    }

    [Fact]
    public void Output_goes_to_the_output_file()
    {
        using var tree = new TempTree().File("a.alloy", Broken);

        var result = CliRunner.Run(tree.Root, "--select", "AL001", "--format", "concise", "--output", "report.txt");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.StartsWith("a.alloy:3:1: error: ", File.ReadAllText(Path.Combine(tree.Root, "report.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void Colour_only_on_a_terminal_without_no_color()
    {
        using var tree = new TempTree().File("a.alloy", Broken);
        string[] args = ["--select", "AL001"];

        Assert.Contains("\u001b[", CliRunner.Run(tree.Root, args, null, terminal: true).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", CliRunner.Run(tree.Root, args, null, terminal: false).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", CliRunner.Run(tree.Root, [.. args, "--no-color"], null, terminal: true).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", CliRunner.Run(tree.Root, args, null, terminal: true, new Dictionary<string, string> { ["NO_COLOR"] = "1" }).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_files_come_out_in_a_stable_sorted_order()
    {
        using var tree = new TempTree();
        for (var i = 0; i < 40; i++)
        {
            tree.File($"d{i % 7}/f{i:00}.alloy", Broken);
        }

        var first = CliRunner.Run(tree.Root, "--format", "concise", "--select", "AL001");
        var second = CliRunner.Run(tree.Root, "--format", "concise", "--select", "AL001");
        var lines = first.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(first.Out, second.Out);
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        Assert.Equal(40, lines.Select(line => line.Split(':')[0]).Distinct().Count());
    }

    [Fact]
    public void Findings_left_after_fixing_a_file_are_reported_in_path_order()
    {
        // a.alloy is reformatted (AL402), which replaces its findings by what is left after the fix: they must still
        // come before b.alloy's.
        const string Unformatted = "loki.write \"a\" {\n  endpoint {\n    url = \"https://loki:3100\"\n    basic_auth {\n      password = \"hunter2secret\"\n    }\n  }\n}\n";
        const string Formatted = "loki.write \"b\" {\n\tendpoint {\n\t\turl = \"https://loki:3100\"\n\n\t\tbasic_auth {\n\t\t\tpassword = \"hunter2secret\"\n\t\t}\n\t}\n}\n";
        using var tree = new TempTree().File("a.alloy", Unformatted).File("b.alloy", Formatted);

        var result = CliRunner.Run(tree.Root, "--format", "concise", "--select", "AL301,AL402", "--fix");

        Assert.Equal(
            ["a.alloy:6:15: error", "b.alloy:6:15: error"],
            result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => string.Join(':', line.Split(':')[..4])));
    }

    [Fact]
    public void Statistics_count_per_rule()
    {
        using var tree = new TempTree().File("a.alloy", Broken).File("b.alloy", Broken);

        var result = CliRunner.Run(tree.Root, "--select", "AL001", "--statistics");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^\d+\tAL001\tsyntax-error\n$", result.Out);
    }

    [Fact]
    public void Rules_lists_every_rule_as_text_and_json()
    {
        using var tree = new TempTree();

        var text = CliRunner.Run(tree.Root, "rules");
        var json = CliRunner.Run(tree.Root, "rules", "--format", "json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("AL001", text.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        var ids = document.RootElement.EnumerateArray().Select(rule => rule.GetProperty("id").GetString()).ToList();
        Assert.Contains("AL001", ids);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void Explain_prints_the_embedded_docs_page()
    {
        using var tree = new TempTree();

        var result = CliRunner.Run(tree.Root, "explain", "AL001");
        var byName = CliRunner.Run(tree.Root, "explain", "syntax-error");
        var unknown = CliRunner.Run(tree.Root, "explain", "AL999");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# AL001: syntax-error", result.Out, StringComparison.Ordinal);
        Assert.Equal(result.Out, byName.Out);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("alloylint: error: unknown rule 'AL999' (see 'alloylint rules')\n", unknown.Error);
    }

    [Fact]
    public void Mode_decides_whether_siblings_form_one_configuration()
    {
        using var tree = new TempTree()
            .File("a.alloy", "prometheus.remote_write \"default\" {\n\tendpoint {\n\t\turl = sys.env(\"PROM_URL\")\n\t}\n}\n")
            .File("b.alloy", "prometheus.exporter.self \"alloy\" {}\n\nprometheus.scrape \"alloy\" {\n\ttargets    = prometheus.exporter.self.alloy.targets\n\tforward_to = [prometheus.remote_write.default.receiver]\n}\n");
        string[] args = ["--format", "concise", "--select", "AL101"];

        var auto = CliRunner.Run(tree.Root, args);
        var directory = CliRunner.Run(tree.Root, [.. args, "--mode", "directory"], null);
        var file = CliRunner.Run(tree.Root, [.. args, "--mode", "file"], null);

        Assert.Equal((0, string.Empty), (auto.ExitCode, auto.Out));
        Assert.Equal((0, string.Empty), (directory.ExitCode, directory.Out));
        Assert.Equal(1, file.ExitCode);
        Assert.StartsWith("b.alloy:5:16: error: ", file.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configuration_file_can_set_the_mode()
    {
        using var tree = new TempTree()
            .File("x/.alloylint.yaml", "mode: file\n")
            .File("x/a.alloy", "prometheus.remote_write \"default\" {\n\tendpoint {\n\t\turl = sys.env(\"PROM_URL\")\n\t}\n}\n")
            .File("x/b.alloy", "prometheus.scrape \"app\" {\n\ttargets    = []\n\tforward_to = [prometheus.remote_write.default.receiver]\n}\n");

        var result = CliRunner.Run(tree.Root, "--format", "concise", "--select", "AL101");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("x/b.alloy:3:16: error: ", result.Out, StringComparison.Ordinal);
    }
}
