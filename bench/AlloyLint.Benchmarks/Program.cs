using System.Diagnostics;
using AlloyLint.Benchmarks;
using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Lexing;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;

if (args is ["--generate", var size, var path])
{
    // Used by bench/compare.sh: writes a generated config of about SIZE bytes to PATH.
    File.WriteAllText(path, ConfigGenerator.Generate(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

if (args is ["--quick"])
{
    QuickParse();
    return;
}

if (args is ["--quick-format"])
{
    QuickFormat();
    return;
}

BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(ParserBenchmarks).Assembly).Run(args);

// A fast check without BenchmarkDotNet: wall-clock and process CPU time of tokenizing and parsing the 10 MB config.
// On a shared machine the CPU figure is the steadier one.
static void QuickParse()
{
    var source = SourceText.From(ConfigGenerator.Generate(10 * 1024 * 1024));
    var megabytes = source.Length / 1e6;
    for (var i = 0; i < 8; i++)
    {
        var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var allocatedStart = GC.GetAllocatedBytesForCurrentThread();
        var tokens = AlloyTokenizer.Instance.Scan(source);
        process.Refresh();
        var cpuScanned = process.TotalProcessorTime;
        var allocatedScanned = GC.GetAllocatedBytesForCurrentThread();

        var watch = Stopwatch.StartNew();
        var tree = AlloyParser.Parse(source);
        watch.Stop();
        process.Refresh();
        var cpuParsed = process.TotalProcessorTime;
        Console.WriteLine(
            $"tokenize: {megabytes / (cpuScanned - cpuStart).TotalSeconds,6:F1} MB/s cpu, {(allocatedScanned - allocatedStart) / 1e6:F0} MB allocated ({tokens.Count} tokens) | " +
            $"parse: {megabytes / watch.Elapsed.TotalSeconds,6:F1} MB/s wall, {megabytes / (cpuParsed - cpuScanned).TotalSeconds,6:F1} MB/s cpu, " +
            $"{(GC.GetAllocatedBytesForCurrentThread() - allocatedScanned) / 1e6:F0} MB allocated, errors: {tree.HasErrors}");
    }
}

// The same for the formatter: formatting a parsed tree, comparing it with the file as rule AL402 does, and parsing
// plus formatting (what `alloylint fmt` does per file).
static void QuickFormat()
{
    var source = SourceText.From(ConfigGenerator.Generate(10 * 1024 * 1024));
    var tree = AlloyParser.Parse(source);
    var megabytes = source.Length / 1e6;
    for (var i = 0; i < 8; i++)
    {
        var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        AlloyFormatter.Format(tree);
        var formatWall = watch.Elapsed;
        process.Refresh();
        var cpuFormatted = process.TotalProcessorTime;
        watch.Restart();
        AlloyFormatter.FindCanonicalChange(tree);
        var compareWall = watch.Elapsed;
        process.Refresh();
        var cpuCompared = process.TotalProcessorTime;
        watch.Restart();
        AlloyFormatter.Format(AlloyParser.Parse(source));
        var bothWall = watch.Elapsed;
        process.Refresh();
        var cpuBoth = process.TotalProcessorTime;
        Console.WriteLine(
            $"format: {megabytes / formatWall.TotalSeconds,6:F1} MB/s wall, {megabytes / (cpuFormatted - cpuStart).TotalSeconds,6:F1} MB/s cpu | " +
            $"canonical change: {megabytes / compareWall.TotalSeconds,6:F1} MB/s wall, {megabytes / (cpuCompared - cpuFormatted).TotalSeconds,6:F1} MB/s cpu | " +
            $"parse and format: {megabytes / bothWall.TotalSeconds,6:F1} MB/s wall, {megabytes / (cpuBoth - cpuCompared).TotalSeconds,6:F1} MB/s cpu");
    }
}
