using System.Diagnostics;
using AlloyLint.Benchmarks;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;

if (args is ["--quick"])
{
    // A rough throughput figure without BenchmarkDotNet, for a fast check while working.
    var source = SourceText.From(ConfigGenerator.Generate(10 * 1024 * 1024));
    for (var i = 0; i < 5; i++)
    {
        var allocated0 = GC.GetAllocatedBytesForCurrentThread();
        var gcs0 = GC.CollectionCount(0);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var tokens = AlloyLint.Parser.Lexing.AlloyTokenizer.Instance.Scan(source);
        var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated1 = GC.GetAllocatedBytesForCurrentThread();
        Console.WriteLine($"scan only: {(cpu1 - cpu0).TotalMilliseconds} ms cpu, {(allocated1 - allocated0) / 1e6:F0} MB allocated");
        var watch = Stopwatch.StartNew();
        var tree = AlloyParser.Parse(source);
        watch.Stop();
        var cpu2 = Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine($"parse: {(cpu2 - cpu1).TotalMilliseconds} ms cpu, {(GC.GetAllocatedBytesForCurrentThread() - allocated1) / 1e6:F0} MB allocated, {GC.CollectionCount(0) - gcs0} gen0 GCs, {GC.CollectionCount(2)} gen2 total");
        Console.WriteLine($"{source.Length / 1e6 / watch.Elapsed.TotalSeconds:F1} MB/s ({watch.ElapsedMilliseconds} ms, errors: {tree.HasErrors})");
    }

    return;
}

BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(ParserBenchmarks).Assembly).Run(args);
