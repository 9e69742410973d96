using System.Text;
using Xunit;

namespace AlloyLint.Cli.Tests;

/// <summary>
/// <c>alloylint --add-suppressions</c>: writes a suppression comment for every finding, as <c>--fix</c> writes files
/// (same encoding, BOM, line endings; nothing written where data could be lost), so that the next lint is clean.
/// </summary>
public sealed class AddSuppressionsTests
{
    private const string Deprecated = "logging {\n\tlevel = env(\"LEVEL\")\n}\n";

    [Fact]
    public void Writes_the_comments_keeping_bom_and_crlf_and_the_next_lint_is_clean()
    {
        using var tree = new TempTree().Bytes("config.alloy", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Deprecated.ReplaceLineEndings("\r\n"))]);

        var result = CliRunner.Run(tree.Root, "--add-suppressions", "--select", "AL401", "--format", "concise", ".");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal("Added 1 suppression to 1 file.\n", result.Error);
        var bytes = File.ReadAllBytes(Path.Combine(tree.Root, "config.alloy"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("logging {\r\n\t// alloylint-disable-next-line AL401\r\n\tlevel = env(\"LEVEL\")\r\n}\r\n", Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(0, CliRunner.Run(tree.Root, "--select", "AL401", ".").ExitCode);
    }

    [Fact]
    public void Reports_what_it_could_not_suppress_and_exits_1()
    {
        using var tree = new TempTree()
            .File("broken/config.alloy", "logging {\n\tlevel = env(\"LEVEL\")\n")
            .File("fine/config.alloy", Deprecated);

        var result = CliRunner.Run(tree.Root, "--add-suppressions", "--select", "AL001,AL401", "--format", "concise", ".");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("broken/config.alloy:3:1: error:", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("fine/config.alloy", result.Out, StringComparison.Ordinal);
        Assert.Equal("Added 1 suppression to 1 file.\n", result.Error);
        Assert.Equal("logging {\n\tlevel = env(\"LEVEL\")\n", File.ReadAllText(Path.Combine(tree.Root, "broken/config.alloy")));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Leaves_a_read_only_file_untouched_and_exits_2()
    {
        using var tree = new TempTree().File("config.alloy", Deprecated);
        var path = Path.Combine(tree.Root, "config.alloy");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = CliRunner.Run(tree.Root, "--add-suppressions", "--select", "AL401", "--format", "concise", ".");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("config.alloy: error: read-only; not rewritten", result.Error, StringComparison.Ordinal);
        Assert.Contains("config.alloy:2:10: warning:", result.Out, StringComparison.Ordinal);
        Assert.Equal(Deprecated, File.ReadAllText(path));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Theory]
    [InlineData("--fix")]
    [InlineData("--diff")]
    public void Cannot_be_combined_with_fixing(string option)
    {
        using var tree = new TempTree().File("config.alloy", Deprecated);

        var result = CliRunner.Run(tree.Root, "--add-suppressions", option, ".");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("alloylint: error: --add-suppressions writes the files it lints: it cannot be combined with --fix, --diff or standard input\n", result.Error);
        Assert.Equal(Deprecated, File.ReadAllText(Path.Combine(tree.Root, "config.alloy")));
    }

    [Theory]
    [InlineData("--add-suppressions", "two\nlines")]
    [InlineData("--add-suppressions", " ")]
    [InlineData("--fix", "baseline")]
    public void A_reason_is_one_line_and_goes_with_adding_suppressions(string option, string reason)
    {
        using var tree = new TempTree().File("config.alloy", Deprecated);

        var result = CliRunner.Run(tree.Root, option, "--suppression-reason", reason, ".");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("alloylint: error: --suppression-reason takes one line of text and goes with --add-suppressions\n", result.Error);
        Assert.Equal(Deprecated, File.ReadAllText(Path.Combine(tree.Root, "config.alloy")));
    }

    [Fact]
    public void Writes_the_reason_given()
    {
        using var tree = new TempTree().File("config.alloy", Deprecated);

        var result = CliRunner.Run(tree.Root, "--add-suppressions", "--suppression-reason", "adopted in 2026-11", "--select", "AL401", ".");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("logging {\n\t// alloylint-disable-next-line AL401 -- adopted in 2026-11\n\tlevel = env(\"LEVEL\")\n}\n", File.ReadAllText(Path.Combine(tree.Root, "config.alloy")));
    }

    [Fact]
    public void Cannot_read_standard_input()
    {
        using var tree = new TempTree();

        var result = CliRunner.Run(tree.Root, ["--add-suppressions", "-"], Deprecated);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot be combined with --fix, --diff or standard input", result.Error, StringComparison.Ordinal);
    }
}
