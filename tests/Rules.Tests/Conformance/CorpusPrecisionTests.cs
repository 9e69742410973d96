using System.Text;
using System.Text.Json;
using AlloyLint.Rules.Engine;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Rules.Tests.Conformance;

/// <summary>
/// Precision of the correctness rules on real configurations: every AL1xx finding on the parsing <c>real__</c>
/// and <c>upstream__</c> files of ../shared/conformance/corpus (each linted on its own) has been reviewed, and
/// the golden pins them, so that a new false positive (or a lost true positive) fails this test.
/// </summary>
public sealed class CorpusPrecisionTests
{
    private const string Golden = "tests/Rules.Tests/Conformance/corpus-correctness.verified.txt";

    [Fact]
    public void Correctness_findings_on_real_configurations_are_the_reviewed_ones()
    {
        var corpus = SharedData.ConformancePath("corpus");
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(corpus, "expected.json")));
        var names = expected.RootElement.EnumerateObject()
            .Where(entry => entry.Name.StartsWith("real__", StringComparison.Ordinal) || entry.Name.StartsWith("upstream__", StringComparison.Ordinal))
            .Where(entry => entry.Value.GetProperty("parses").GetBoolean())
            .Select(entry => entry.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(names);

        var linter = new Linter(new LintSettings { Select = ["AL1"], Mode = ConfigurationMode.File });
        var report = new StringBuilder();
        report.Append($"# {names.Count} files; AL1xx findings, each reviewed (see tests/Rules.Tests/Conformance/README.md)\n");
        foreach (var name in names)
        {
            var workspace = new InMemoryWorkspace().Add(name, File.ReadAllText(Path.Combine(corpus, "files", name)));
            foreach (var finding in linter.Lint([workspace.ReadAlloyFile(name)!], workspace))
            {
                report.Append($"{name}:{finding.Start}: {finding.Message} [{finding.Rule.Id}]\n");
            }
        }

        AlloyLint.TestSupport.Golden.Verify(report.ToString(), Golden);
    }

    /// <summary>Every file of the corpus and of the mutations (broken or odd on purpose) is checked without an exception escaping.</summary>
    [Theory]
    [InlineData("corpus")]
    [InlineData("mutations")]
    public void Correctness_rules_never_throw(string folder)
    {
        var root = SharedData.ConformancePath(folder);
        var linter = new Linter(new LintSettings { Select = ["AL1"], Mode = ConfigurationMode.File });
        var files = Directory.GetFiles(Path.Combine(root, "files"), "*.alloy").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            var workspace = new InMemoryWorkspace().Add(name, File.ReadAllText(path));
            var exception = Record.Exception(() => linter.Lint([workspace.ReadAlloyFile(name)!], workspace));
            Assert.True(exception is null, $"{name}: {exception}");
        }
    }
}
