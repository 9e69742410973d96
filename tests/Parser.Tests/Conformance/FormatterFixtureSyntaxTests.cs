using AlloyLint.Parser.Tests.Support;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Parser.Tests.Conformance;

/// <summary>
/// The formatter fixtures seen from the parser: an input with an <c>.expect</c> must parse cleanly, one with an
/// <c>.error</c> must give exactly the diagnostics <c>alloy fmt</c> printed (<c>input.alloy:line:col: message</c>).
/// </summary>
public class FormatterFixtureSyntaxTests
{
    [Theory]
    [InlineData("upstream/generated/fmt")]
    [InlineData("upstream/generated/fmt_corpus")]
    [InlineData("upstream/generated/fmt_corpus_txtar")]
    public void Fixture_inputs_parse_or_fail_exactly_as_alloy_fmt(string folder)
    {
        var inputs = Directory.GetFiles(SharedData.ConformancePath(folder), "*.in", SearchOption.AllDirectories);
        Assert.True(inputs.Length > 100, $"{folder}: too few fixtures");
        var failures = new List<string>();
        foreach (var input in inputs)
        {
            var tree = Parsed.Bytes(File.ReadAllBytes(input));
            var actual = tree.Diagnostics.Select(d => $"input.alloy:{UpstreamPosition.LineColumn(tree.Source, d.Span.Start)}: {d.Message}");
            var errorFile = Path.ChangeExtension(input, ".error");
            string[] expected = File.Exists(errorFile)
                ? [.. File.ReadAllLines(errorFile).TakeWhile(line => !line.StartsWith("Error: ", StringComparison.Ordinal))]
                : [];
            if (!expected.SequenceEqual(actual))
            {
                failures.Add($"{Path.GetRelativePath(SharedData.ConformancePath(folder), input)}:\n  expected {string.Join(" | ", expected)}\n  actual   {string.Join(" | ", actual)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Printer_testdata_error_case_reports_upstreams_message()
    {
        var folder = SharedData.ConformancePath("upstream/syntax/printer/testdata");
        var tree = Parsed.Bytes(File.ReadAllBytes(Path.Combine(folder, "raw_string_label_error.in")));
        var expected = File.ReadAllText(Path.Combine(folder, "raw_string_label_error.error")).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        Assert.Contains(expected, tree.Diagnostics[0].Message, StringComparison.Ordinal);
        foreach (var input in Directory.GetFiles(folder, "*.in").Where(f => File.Exists(Path.ChangeExtension(f, ".expect"))))
        {
            Assert.False(Parsed.Bytes(File.ReadAllBytes(input)).HasErrors, input);
        }
    }
}
