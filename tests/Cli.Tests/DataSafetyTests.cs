using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace AlloyLint.Cli.Tests;

/// <summary>
/// <c>--fix</c> never loses data: it keeps the encoding, BOM, line endings and file mode, leaves a file it may not or
/// should not rewrite untouched with exit code 2, and hostile input ends in a clear message.
/// </summary>
public sealed class DataSafetyTests
{
    /// <summary>A config with one safe fix (AL401: <c>env</c> becomes <c>sys.env</c>).</summary>
    private const string Fixable = "logging {\n\tlevel = env(\"LEVEL\")\n}\n";

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Fix_keeps_the_bom_crlf_line_endings_and_file_mode()
    {
        using var tree = new TempTree().Bytes("config.alloy", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Fixable.ReplaceLineEndings("\r\n"))]);
        var path = Path.Combine(tree.Root, "config.alloy");
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, mode);

        var result = CliRunner.Run(tree.Root, "--fix", "--select", "AL401", "--format", "concise", ".");

        Assert.Equal(0, result.ExitCode);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("logging {\r\n\tlevel = sys.env(\"LEVEL\")\r\n}\r\n", Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Equal(["config.alloy"], Directory.GetFiles(tree.Root).Select(Path.GetFileName));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Fix_leaves_a_read_only_file_untouched_and_exits_2()
    {
        using var tree = new TempTree().File("config.alloy", Fixable);
        var path = Path.Combine(tree.Root, "config.alloy");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var before = Hash(path);

        var result = CliRunner.Run(tree.Root, "--fix", "--select", "AL401", ".");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("config.alloy: error: read-only; not rewritten", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Hash(path));
        // The summary counts it as linted, and as not rewritten rather than unreadable.
        Assert.Contains("in 1 of 1 file.", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 file could not be rewritten.", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be read", result.Out, StringComparison.Ordinal);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Fix_in_a_read_only_folder_leaves_the_file_untouched_and_exits_2()
    {
        if (Environment.IsPrivilegedProcess)
        {
            Assert.Skip("Running as root, which the OS lets write into a read-only folder: this case cannot be produced here (the read-only file case still runs).");
        }

        using var tree = new TempTree().File("locked/config.alloy", Fixable);
        var folder = Path.Combine(tree.Root, "locked");
        var path = Path.Combine(folder, "config.alloy");
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var result = CliRunner.Run(tree.Root, "--fix", "--select", "AL401", "--format", "concise", ".");

            Assert.Equal(2, result.ExitCode);
            Assert.Equal(Fixable, File.ReadAllText(path));
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Fix_does_not_rewrite_a_file_with_invalid_utf8()
    {
        byte[] original = [.. "logging {\n\tlevel = env(\"LEVEL\") // "u8, 0xFF, .. "\n}\n"u8];
        using var tree = new TempTree().Bytes("config.alloy", original);

        var result = CliRunner.Run(tree.Root, "--fix", "--format", "concise", ".");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("config.alloy:2:26: error: illegal UTF-8 encoding [AL001]", result.Out, StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllBytes(Path.Combine(tree.Root, "config.alloy")));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Fmt_write_keeps_bom_crlf_and_mode_and_leaves_a_read_only_file()
    {
        var unformatted = "logging {\r\nlevel = \"info\"\r\n}\r\n";
        using var tree = new TempTree()
            .Bytes("a.alloy", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(unformatted)])
            .File("locked.alloy", unformatted);
        var path = Path.Combine(tree.Root, "a.alloy");
        var locked = Path.Combine(tree.Root, "locked.alloy");
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead;
        File.SetUnixFileMode(path, mode);
        File.SetUnixFileMode(locked, UnixFileMode.UserRead);

        var result = CliRunner.Run(tree.Root, "fmt", "--write", ".");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("locked.alloy: error: cannot write: read-only; not rewritten", result.Error, StringComparison.Ordinal);
        Assert.Equal(unformatted, File.ReadAllText(locked));
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("\uFEFFlogging {\r\n\tlevel = \"info\"\r\n}\r\n", Encoding.UTF8.GetString(bytes));
        Assert.Equal(mode, File.GetUnixFileMode(path));
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void A_binary_file_is_reported_clearly()
    {
        using var tree = new TempTree().Bytes("blob.alloy", [0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 0, 1, 2]).File("ok.alloy", "logging {}\n");

        var result = CliRunner.Run(tree.Root, "--format", "concise", ".");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("blob.alloy: error: binary file (contains NUL bytes), not linted\n", result.Error);
    }

    [Fact]
    public void Hundred_thousand_nested_brackets_give_one_clear_syntax_error()
    {
        using var tree = new TempTree().File("deep.alloy", "x = " + new string('[', 100_000) + new string(']', 100_000) + "\n");

        var result = CliRunner.Run(tree.Root, "--format", "concise", "--select", "AL001", ".");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("deep.alloy:1:1005: error: nesting is too deep: more than 1000 levels", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_megabyte_line_is_linted_and_fixed()
    {
        var line = "logging {\n\tlevel = env(\"" + new string('x', 1 << 20) + "\")\n}\n";
        using var tree = new TempTree().File("long.alloy", line);

        var result = CliRunner.Run(tree.Root, "--fix", "--select", "AL401", "--format", "concise", ".");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(line.Replace("= env(", "= sys.env(", StringComparison.Ordinal), File.ReadAllText(Path.Combine(tree.Root, "long.alloy")));
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
