using System.Diagnostics;
using Xunit;

namespace AlloyLint.Cli.Tests;

/// <summary>The built <c>alloylint</c> executable as a separate process: what in-process runs cannot show.</summary>
public class CliProcessTests
{
    private static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "alloylint.exe" : "alloylint");

    [Fact]
    public void The_executable_exits_with_the_lint_exit_code()
    {
        using var tree = new TempTree().File("a.alloy", "logging {\n\tlevel = \n}\n");

        var (exitCode, output, error) = Start(Executable, ["--format", "concise", "--select", "AL001", tree.Root]);

        Assert.Equal(1, exitCode);
        Assert.Contains(": error: ", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_folder_and_a_file_without_permission_are_reported_and_the_rest_linted()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix permissions only.");
        }

        string program;
        string[] prefix;
        if (Environment.IsPrivilegedProcess)
        {
            // Root reads every folder, so run the CLI as the unprivileged 'nobody' user.
            if (!File.Exists("/usr/bin/setpriv"))
            {
                Assert.Skip("Running as root without /usr/bin/setpriv to drop privileges: a folder without permission cannot be produced here.");
            }

            if (new[] { Executable, DotnetRoot(), Path.GetTempPath() }.FirstOrDefault(path => !OthersCanReach(path)) is { } hidden)
            {
                Assert.Skip($"Running as root, and the unprivileged user cannot reach {hidden} (a folder on its way lacks o+x): a folder without permission cannot be produced here.");
            }

            program = "/usr/bin/setpriv";
            prefix = ["--reuid=65534", "--regid=65534", "--clear-groups", "--", Executable];
        }
        else
        {
            program = Executable;
            prefix = [];
        }

        using var tree = new TempTree().File("ok.alloy", "logging {\n\tlevel = \n}\n").File("locked/x.alloy", "logging {}\n").File("secret.alloy", "logging {}\n");
        var locked = Path.Combine(tree.Root, "locked");
        var secret = Path.Combine(tree.Root, "secret.alloy");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        File.SetUnixFileMode(secret, UnixFileMode.None);
        try
        {
            var (exitCode, output, error) = Start(program, [.. prefix, "--format", "concise", "--select", "AL001", tree.Root]);

            Assert.Equal(2, exitCode);
            Assert.Equal($"{locked}: error: permission denied\n{secret}: error: permission denied\n", error);
            Assert.StartsWith(Path.Combine(tree.Root, "ok.alloy") + ":3:1: error: ", output, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Whether a user who is neither owner nor in the group can open <paramref name="path"/> (search every folder above it).</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool OthersCanReach(string path)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(path))!); dir is not null; dir = dir.Parent)
        {
            if (!dir.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }

        return !File.Exists(path) || File.GetUnixFileMode(path).HasFlag(UnixFileMode.OtherRead);
    }

    private static (int ExitCode, string Output, string Error) Start(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        start.Environment["HOME"] = Path.GetTempPath();
        if (string.IsNullOrEmpty(start.Environment.TryGetValue("DOTNET_ROOT", out var root) ? root : null))
        {
            start.Environment["DOTNET_ROOT"] = DotnetRoot();
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Where the running runtime lives, so the apphost finds it whoever runs it.</summary>
    private static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
}
