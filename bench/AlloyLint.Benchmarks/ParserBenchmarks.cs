using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using BenchmarkDotNet.Attributes;

namespace AlloyLint.Benchmarks;

/// <summary>Parsing (tokenizer and parser, tree and comments included) of a 10 MB config and of a typical 3 KB one.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private SourceText _large = null!;
    private SourceText _typical = null!;

    [GlobalSetup]
    public void Setup()
    {
        _large = ConfigGenerator.Source(10 * 1024 * 1024, "large.alloy");
        _typical = ConfigGenerator.Source(3 * 1024, "typical.alloy");
    }

    [Benchmark(Description = "Parse 10 MB")]
    public SyntaxTree ParseLarge() => AlloyParser.Parse(_large);

    [Benchmark(Description = "Parse 3 KB")]
    public SyntaxTree ParseTypical() => AlloyParser.Parse(_typical);
}
