using Xunit;

namespace AlloyLint.Cli.Tests;

public sealed class FmtCommandTests : IDisposable
{
    private const string Unformatted = "logging { level = \"info\"\n  format=\"logfmt\" }\n";
    private const string Formatted = "logging {\n\tlevel  = \"info\"\n\tformat = \"logfmt\"\n}\n";

    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private string Read(string relative) => File.ReadAllText(Path.Combine(_tree.Root, relative));

    [Fact]
    public void Prints_the_formatted_text_and_leaves_the_file_alone()
    {
        _tree.File("config.alloy", Unformatted);
        var result = CliRunner.Run(_tree.Root, "fmt", "config.alloy");
        Assert.Equal((0, Formatted, ""), (result.ExitCode, result.Out, result.Error));
        Assert.Equal(Unformatted, Read("config.alloy"));
    }

    [Fact]
    public void Help_shows_only_fmts_own_paths_argument()
    {
        var result = CliRunner.Run(_tree.Root, "fmt", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Usage:\n  \S+ fmt \[<PATHS>\.\.\.\] \[options\]\n", result.Out);
        Assert.Contains("Files and folders to format", result.Out);
        Assert.DoesNotContain("Files and folders to lint", result.Out);
    }

    [Fact]
    public void Formats_standard_input_to_standard_output()
    {
        var result = CliRunner.Run(_tree.Root, ["fmt", "-"], stdin: Unformatted);
        Assert.Equal((0, Formatted), (result.ExitCode, result.Out));
    }

    [Fact]
    public void Check_lists_unformatted_files_of_folders_recursively_and_exits_1()
    {
        _tree.File("a.alloy", Formatted).File("nested/deeper/b.alloy", Unformatted).File("nested/notes.txt", Unformatted);
        var result = CliRunner.Run(_tree.Root, "fmt", "--check", ".");
        Assert.Equal((1, "nested/deeper/b.alloy\n"), (result.ExitCode, result.Out));
        Assert.Equal(Unformatted, Read("nested/deeper/b.alloy"));

        var clean = CliRunner.Run(_tree.Root, "fmt", "--check", "a.alloy");
        Assert.Equal((0, ""), (clean.ExitCode, clean.Out));
    }

    [Fact]
    public void Paths_default_to_the_current_folder() =>
        Assert.Equal(1, CliRunner.Run(_tree.File("x.alloy", Unformatted).Root, "fmt", "--check").ExitCode);

    [Fact]
    public void Diff_prints_a_unified_diff_and_exits_1()
    {
        _tree.File("config.alloy", "a=1\n");
        var result = CliRunner.Run(_tree.Root, "fmt", "--diff", "config.alloy");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("--- config.alloy\n+++ config.alloy\n@@ -1 +1 @@\n-a=1\n+a = 1\n", result.Out);
        Assert.Equal("a=1\n", Read("config.alloy"));
    }

    [Fact]
    public void Write_rewrites_only_changed_files()
    {
        _tree.File("a.alloy", Unformatted).File("b.alloy", Formatted);
        var before = File.GetLastWriteTimeUtc(Path.Combine(_tree.Root, "b.alloy"));
        var result = CliRunner.Run(_tree.Root, "fmt", "--write", ".");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal(Formatted, Read("a.alloy"));
        Assert.Equal(before, File.GetLastWriteTimeUtc(Path.Combine(_tree.Root, "b.alloy")));
        Assert.Equal(0, CliRunner.Run(_tree.Root, "fmt", "--check", ".").ExitCode);
    }

    [Fact]
    public void Write_keeps_the_byte_order_mark_and_crlf_line_endings()
    {
        _tree.Bytes("crlf.alloy", [0xEF, 0xBB, 0xBF, .. "a=1 // c\r\nbb = `x\r\ny`\r\n"u8]);
        Assert.Equal(0, CliRunner.Run(_tree.Root, "fmt", "-w", "crlf.alloy").ExitCode);
        Assert.Equal(
            [0xEF, 0xBB, 0xBF, .. "a  = 1 // c\r\nbb = `x\r\ny`\r\n"u8],
            File.ReadAllBytes(Path.Combine(_tree.Root, "crlf.alloy")));
        Assert.Equal(0, CliRunner.Run(_tree.Root, "fmt", "--check", "crlf.alloy").ExitCode);
    }

    [Fact]
    public void Syntax_errors_are_reported_like_the_linter_and_the_file_is_left_alone()
    {
        _tree.File("bad.alloy", "a = 1\nb = [1 2]\n").File("good.alloy", Unformatted);
        var result = CliRunner.Run(_tree.Root, "fmt", "--write", ".");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("bad.alloy:2:8: error: missing ',' in expression list [AL001]\n", result.Error);
        Assert.Equal("a = 1\nb = [1 2]\n", Read("bad.alloy"));
        Assert.Equal(Formatted, Read("good.alloy"));
    }

    [Fact]
    public void Missing_file_is_one_line_and_exit_2()
    {
        var result = CliRunner.Run(_tree.Root, "fmt", "missing.alloy");
        Assert.Equal((2, "", "missing.alloy: error: no such file or directory\n"), (result.ExitCode, result.Out, result.Error));
    }

    [Theory]
    [InlineData("--write", "--check")]
    [InlineData("--write", "-")]
    public void Contradictory_requests_are_usage_errors(string first, string second)
    {
        var result = CliRunner.Run(_tree.Root, ["fmt", first, second], stdin: "a = 1\n");
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
