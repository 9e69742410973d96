using System.Diagnostics;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Rules.Tests.Catalog;

/// <summary>The committed catalog.txt is what tools/catalog/generate.py makes of ../shared/spec/catalog.json today.</summary>
public sealed class CatalogGenerationTests
{
    [Fact]
    public async Task Committed_catalog_is_current()
    {
        var source = SharedData.SpecPath("catalog.json");
        var script = Path.Combine(SharedData.RepoRoot, "tools", "catalog", "generate.py");
        var committed = Path.Combine(SharedData.RepoRoot, "src", "Rules", "Catalog", "catalog.txt");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(source);
        start.ArgumentList.Add("-");
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("python3 is not installed, so the catalog generator could not be re-run.");
            return;
        }

        using (process)
        {
            var cancel = TestContext.Current.CancellationToken;
            var stdoutTask = process.StandardOutput.ReadToEndAsync(cancel);
            var stderr = await process.StandardError.ReadToEndAsync(cancel);
            await process.WaitForExitAsync(cancel);
            Assert.True(process.ExitCode == 0, $"generate.py failed: {stderr}");
            Assert.True(
                await stdoutTask == await File.ReadAllTextAsync(committed, cancel),
                "src/Rules/Catalog/catalog.txt is stale: run `python3 tools/catalog/generate.py` and commit the result.");
        }
    }
}
