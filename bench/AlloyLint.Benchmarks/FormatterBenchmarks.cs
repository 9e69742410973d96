using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using BenchmarkDotNet.Attributes;

namespace AlloyLint.Benchmarks;

/// <summary>
/// Formatting the parser benchmark's 10 MB config: the printer pipeline alone (from a parsed tree), and parse plus
/// format together, which is what <c>alloylint fmt</c> does per file. Upstream's <c>alloy fmt</c> manages about
/// 16 MB/s on this input (whole process).
/// </summary>
[MemoryDiagnoser]
public class FormatterBenchmarks
{
    private SourceText _large = null!;
    private SyntaxTree _largeTree = null!;

    [GlobalSetup]
    public void Setup()
    {
        _large = ConfigGenerator.Source(10 * 1024 * 1024, "large.alloy");
        _largeTree = AlloyParser.Parse(_large);
    }

    [Benchmark(Description = "Format 10 MB (tree to text)")]
    public string FormatLarge() => AlloyFormatter.Format(_largeTree);

    [Benchmark(Description = "Parse and format 10 MB")]
    public string ParseAndFormatLarge() => AlloyFormatter.Format(AlloyParser.Parse(_large));
}
