using System.Text;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using BenchmarkDotNet.Attributes;

namespace AlloyLint.Benchmarks;

/// <summary>
/// Inputs whose cost once grew with the square of their size (found by a stress run on 2026-11-27): a reference
/// cycle of 20,000 components (AL108 ran out of a minute and 11 GB), 20,000 findings under as many suppression
/// comments, 5,000 distinct undefined references among 5,000 components of their kind and 5,000 references of an
/// unknown kind among 10,000 components (AL101's suggestions), and 10,000 foreach blocks (each
/// component's declare and import looked up through every config block). Each should now cost in proportion to its
/// size; <see cref="FolderFixBenchmarks"/> has the folders that fixing used to re-lint once per file.
/// </summary>
[MemoryDiagnoser]
public class PathologicalBenchmarks
{
    private SourceText _source = null!;
    private InMemoryWorkspace _workspace = null!;
    private Linter _linter = null!;

    [Params("cycle", "suppressions", "undefined", "unknown-kind", "foreach")]
    public string Input { get; set; } = "cycle";

    [GlobalSetup]
    public void Setup()
    {
        _source = SourceText.From(Generate(Input), Path.GetFullPath("config.alloy"));
        _workspace = new InMemoryWorkspace().Add(_source.Path, _source.Text);
        _linter = new Linter(new LintSettings { Select = ["ALL"] });
    }

    [Benchmark]
    public int Lint() => _linter.Lint([_source], _workspace).Count;

    private static string Generate(string input)
    {
        var text = new StringBuilder();
        switch (input)
        {
            case "cycle":
                for (var i = 0; i < 20_000; i++)
                {
                    text.Append($"discovery.relabel \"r{i}\" {{\n\ttargets = discovery.relabel.r{(i + 1) % 20_000}.output\n}}\n");
                }

                break;
            case "suppressions":
                for (var i = 0; i < 20_000; i++)
                {
                    text.Append("// alloylint-disable-next-line AL203\nlogging { }\n");
                }

                break;
            case "undefined":
                for (var i = 0; i < 5_000; i++)
                {
                    text.Append($"prometheus.remote_write \"rw_{i}\" {{\n\tendpoint {{\n\t\turl = \"http://x/{i}\"\n\t}}\n}}\n");
                    text.Append($"prometheus.scrape \"s_{i}\" {{\n\ttargets    = []\n\tforward_to = [prometheus.remote_write.typo_{i}.receiver]\n}}\n");
                }

                break;
            case "unknown-kind":
                for (var i = 0; i < 5_000; i++)
                {
                    text.Append($"prometheus.remote_write \"rw_{i}\" {{\n\tendpoint {{\n\t\turl = \"http://x/{i}\"\n\t}}\n}}\n");
                    text.Append($"prometheus.scrape \"s_{i}\" {{\n\ttargets    = []\n\tforward_to = [nothing_{i}.thing.receiver]\n}}\n");
                }

                break;
            case "foreach":
                for (var i = 0; i < 10_000; i++)
                {
                    text.Append($"foreach \"f{i}\" {{\n\tcollection = [1]\n\tvar        = \"v\"\n\n\ttemplate {{\n\t\tprometheus.remote_write \"rw\" {{ }}\n\t}}\n}}\n");
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(input), input, "no such input");
        }

        return text.ToString();
    }
}
