using System.Diagnostics;
using System.Xml.Linq;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Cli.Tests;

/// <summary>
/// <c>dotnet pack</c> makes a .NET tool that installs from a local folder into a temporary tool path and prints the
/// version that Directory.Build.props sets (the one place it is defined).
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alloylint-pack-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Packed_tool_installs_and_prints_the_version_from_directory_build_props()
    {
        var version = XDocument.Load(Path.Combine(SharedData.RepoRoot, "Directory.Build.props"))
            .Descendants("Version").Single().Value;
        var feed = Path.Combine(_directory, "feed");
        var tools = Path.Combine(_directory, "tools");

        Run("dotnet", "pack", Path.Combine(SharedData.RepoRoot, "src", "Cli"), "-c", "Release", "-o", feed, "-p:ContinuousIntegrationBuild=true");
        Assert.Equal([$"AlloyLint.{version}.nupkg"], Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName));

        Run("dotnet", "tool", "install", "AlloyLint", "--add-source", feed, "--tool-path", tools, "--version", version);
        var output = Run(Path.Combine(tools, "alloylint"), "--version");

        Assert.Equal($"alloylint {version}\n", output);
    }

    private string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _directory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}:\n{output}\n{error.Result}");
        return output;
    }
}
