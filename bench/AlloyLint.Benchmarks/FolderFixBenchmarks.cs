using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using BenchmarkDotNet.Attributes;

namespace AlloyLint.Benchmarks;

/// <summary>
/// What <c>alloylint --fix</c> does in a folder (forms its configurations once, then fixes each), all rules on:
/// 500 files that stand alone, and 300 files that each reference the next and so form one configuration. Each fix
/// used to re-read and re-group the folder, and then to re-lint the configuration once per file.
/// </summary>
[MemoryDiagnoser]
public class FolderFixBenchmarks
{
    private List<SourceText> _files = null!;
    private InMemoryWorkspace _workspace = null!;
    private Linter _linter = null!;

    [Params("separate", "ring")]
    public string Folder { get; set; } = "separate";

    [GlobalSetup]
    public void Setup()
    {
        _files = Folder == "separate"
            ? [.. Enumerable.Range(0, 500).Select(i => File(i, "logging {\n\tlevel = \"debug\"\n}\n"))]
            : [.. Enumerable.Range(0, 300).Select(i => File(i, $"prometheus.remote_write \"rw{i}\" {{\n\tendpoint {{\n\t\turl = env(\"URL_{i}\")\n\t}}\n}}\n\nprometheus.scrape \"s{i}\" {{\n\ttargets    = []\n\tforward_to = [prometheus.remote_write.rw{(i + 1) % 300}.receiver]\n}}\n"))];
        _workspace = new InMemoryWorkspace();
        _files.ForEach(file => _workspace.Add(file.Path, file.Text));
        _linter = new Linter(new LintSettings { Select = ["ALL"] });
    }

    [Benchmark]
    public int FixFolder()
    {
        var applier = new FixApplier(_linter);
        return _linter.FormConfigurations(_files, _workspace)
            .Sum(configuration => applier.Apply(configuration, _workspace, includeUnsafe: true).Sum(result => result.Applied.Count));
    }

    private static SourceText File(int index, string text) => SourceText.From(text, Path.GetFullPath($"folder/f{index:D3}.alloy"));
}
