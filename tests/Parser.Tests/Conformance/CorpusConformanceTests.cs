using System.Text.Json.Nodes;
using AlloyLint.Parser.Tests.Support;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Parser.Tests.Conformance;

/// <summary>
/// Real configuration files and mutated ones against upstream's verdicts: the same verdict on every file, and on every
/// failing one the same first error (line, UTF-16 column, message) and the same full error list, which shows that
/// the parser recovers from errors as upstream does.
/// </summary>
public class CorpusConformanceTests
{
    [Theory]
    [InlineData("corpus")]
    [InlineData("mutations")]
    public void Verdicts_first_errors_and_full_error_lists_match_upstream(string set)
    {
        var root = SharedData.ConformancePath(set);
        var expectations = Json.Load(Path.Combine(root, "expected.json")).AsObject();
        Assert.True(expectations.Count > 100, $"{set}: too few cases");

        var verdictMismatches = new List<string>();
        var firstErrorMismatches = new List<string>();
        var fullListMismatches = new List<string>();
        var failing = 0;
        foreach (var (name, node) in expectations)
        {
            var tree = Parsed.Bytes(File.ReadAllBytes(Path.Combine(root, "files", name)));
            var parses = (bool)node!["parses"]!;
            if (parses != !tree.HasErrors)
            {
                verdictMismatches.Add($"{name}: upstream {(parses ? "parses" : "fails")}, ours {string.Join("; ", tree.Diagnostics.Take(3).Select(d => Parsed.Describe(tree.Source, d)))}");
            }

            if (parses)
            {
                continue;
            }

            failing++;
            var expected = node["errors"]!.AsArray().Select(e => $"{(int)e!["line"]!}:{(int)e["utf16_col"]!} {(string)e["message"]!}").ToArray();
            var actual = tree.Diagnostics.Select(d => Parsed.Describe(tree.Source, d)).ToArray();
            if (actual.Length == 0 || expected[0] != actual[0])
            {
                firstErrorMismatches.Add($"{name}: expected {expected[0]}, got {actual.FirstOrDefault() ?? "no error"}");
            }

            if (!expected.SequenceEqual(actual))
            {
                fullListMismatches.Add($"{name}: expected [{string.Join("; ", expected)}], got [{string.Join("; ", actual)}]");
            }
        }

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{set}: {expectations.Count} files, verdict agreement {expectations.Count - verdictMismatches.Count}/{expectations.Count}, " +
                          $"first-error agreement {failing - firstErrorMismatches.Count}/{failing}, full error list agreement {failing - fullListMismatches.Count}/{failing}");
        Assert.True(verdictMismatches.Count == 0 && firstErrorMismatches.Count == 0 && fullListMismatches.Count == 0,
            $"{verdictMismatches.Count} verdict, {firstErrorMismatches.Count} first-error and {fullListMismatches.Count} full-list mismatches:\n" +
            string.Join("\n", verdictMismatches.Concat(firstErrorMismatches).Concat(fullListMismatches).Take(40)));
    }
}
