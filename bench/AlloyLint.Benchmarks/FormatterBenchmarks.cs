using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using BenchmarkDotNet.Attributes;

namespace AlloyLint.Benchmarks;

/// <summary>
/// Formatting the parser benchmark's 10 MB config: the printer pipeline alone (from a parsed tree), parse plus
/// format together, which is what <c>alloylint fmt</c> does per file, and the comparison with the file that rule
/// AL402 makes (on the generated file, and on the same config already formatted with LF and with CRLF line
/// endings). Upstream's <c>alloy fmt</c> manages about 16 MB/s on this input (whole process).
/// </summary>
[MemoryDiagnoser]
public class FormatterBenchmarks
{
    private SourceText _large = null!;
    private SyntaxTree _largeTree = null!;
    private SyntaxTree _canonicalTree = null!;
    private SyntaxTree _canonicalCrLfTree = null!;

    [GlobalSetup]
    public void Setup()
    {
        _large = ConfigGenerator.Source(10 * 1024 * 1024, "large.alloy");
        _largeTree = AlloyParser.Parse(_large);
        var canonical = AlloyFormatter.Format(_largeTree);
        _canonicalTree = AlloyParser.Parse(SourceText.From(canonical, "canonical.alloy"));
        _canonicalCrLfTree = AlloyParser.Parse(SourceText.From(canonical.Replace("\n", "\r\n", StringComparison.Ordinal), "crlf.alloy"));
    }

    [Benchmark(Description = "Format 10 MB (tree to text)")]
    public string FormatLarge() => AlloyFormatter.Format(_largeTree);

    [Benchmark(Description = "Parse and format 10 MB")]
    public string ParseAndFormatLarge() => AlloyFormatter.Format(AlloyParser.Parse(_large));

    [Benchmark(Description = "Canonical change 10 MB (generated)")]
    public CanonicalChange? CanonicalChangeLarge() => AlloyFormatter.FindCanonicalChange(_largeTree);

    [Benchmark(Description = "Canonical change 10 MB (canonical, LF)")]
    public CanonicalChange? CanonicalChangeCanonical() => AlloyFormatter.FindCanonicalChange(_canonicalTree);

    [Benchmark(Description = "Canonical change 10 MB (canonical, CRLF)")]
    public CanonicalChange? CanonicalChangeCanonicalCrLf() => AlloyFormatter.FindCanonicalChange(_canonicalCrLfTree);
}
