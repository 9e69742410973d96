using AlloyLint.Cli.Reporting;
using AlloyLint.Cli.Reporting.Sarif;
using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Lexing;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;
using BenchmarkDotNet.Attributes;

namespace AlloyLint.Benchmarks;

/// <summary>
/// Each stage of a lint run on its own, all rules on, for the generated 10 MB config and a typical 3 KB one:
/// tokenize, parse, semantic model, rules, fixes (safe and unsafe), format and the SARIF report.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private SourceText _source = null!;
    private SyntaxTree _tree = null!;
    private InMemoryWorkspace _workspace = null!;
    private Linter _linter = null!;
    private LintReport _report = null!;

    [Params(3 * 1024, 10 * 1024 * 1024)]
    public int Bytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _source = ConfigGenerator.Source(Bytes, Path.GetFullPath("config.alloy"));
        _tree = AlloyParser.Parse(_source);
        _workspace = new InMemoryWorkspace().Add(_source.Path, _source.Text);
        _linter = new Linter(new LintSettings { Select = ["ALL"] });
        var rules = RuleRegistry.All.Select(rule => rule.Metadata).ToList();
        _report = new LintReport(_linter.Lint([_source], _workspace), [], 1, rules, 0);
    }

    [Benchmark]
    public AlloyTokens Tokenize() => AlloyTokenizer.Instance.Scan(_source);

    [Benchmark]
    public SyntaxTree Parse() => AlloyParser.Parse(_source);

    [Benchmark]
    public SemanticModel Model() => SemanticModel.Build([_tree]);

    [Benchmark]
    public IReadOnlyList<LintDiagnostic> Rules() => _linter.Lint([_source], _workspace);

    [Benchmark]
    public FixResult Fix() => new FixApplier(_linter).Apply(_source, _workspace, includeUnsafe: true);

    [Benchmark]
    public string Format() => AlloyFormatter.Format(_tree);

    [Benchmark]
    public int Sarif()
    {
        using var output = new StringWriter();
        new SarifReporter(new ReportOptions(Environment.CurrentDirectory)).Write(_report, output);
        return output.GetStringBuilder().Length;
    }
}
