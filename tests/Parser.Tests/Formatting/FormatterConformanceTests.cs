using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Tests.Support;
using AlloyLint.Parser.Tree;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Parser.Tests.Formatting;

/// <summary>
/// Byte-identity with upstream's <c>alloy fmt</c> on every case upstream formats, except the inputs listed in
/// <see cref="Divergences"/>, where upstream damages the code and we deliberately print something else.
/// A divergence that stops diverging fails too, so the list stays exact.
/// </summary>
public class FormatterConformanceTests
{
    private const string TabInString = "tab inside a string: upstream turns it into alignment spaces; we keep the tab";

    /// <summary>Case name → why our output differs from upstream's (see README, "Differences from alloy fmt").</summary>
    public static readonly IReadOnlyDictionary<string, string> Divergences = new Dictionary<string, string>
    {
        ["upstream/generated/fmt/quoted_object_key_with_escape"] = "quoted key with escapes: upstream doubles the escapes; we keep the key as written",
        ["upstream/generated/fmt/quoted_object_key_raw"] = "raw-string key containing a quote: upstream rewrites it with an escaped quote (another key); we keep it as written",
        ["upstream/generated/fmt/object_key_unicode_quoted"] = "quoted key with a \\u escape: upstream doubles the backslash; we keep the key as written",
        ["upstream/generated/fmt/call_empty_args_multiline_produces_invalid"] = "f( + newline + ): upstream prints \"f(,\" which does not parse; we print f()",
        ["upstream/generated/fmt/string_with_literal_tab_char"] = TabInString,
        ["upstream/generated/fmt/raw_string_trailing_spaces"] = "trailing spaces and a tab inside a multi-line raw string: upstream strips them (and aligns on the tab); we keep the string as written",
        ["mutations/m00418.alloy"] = "comments inside a block name split over lines (\"point.<newline>// c<newline>discovery.relabel\"): upstream prints them between the name and the label, which does not parse; we print them before the block",
        ["mutations/m00020.alloy"] = TabInString,
        ["mutations/m00237.alloy"] = TabInString,
    };

    [Fact]
    public void Printer_testdata_pairs_match_upstream()
    {
        var folder = SharedData.ConformancePath("upstream/syntax/printer/testdata");
        var cases = Directory.GetFiles(folder, "*.in").Order(StringComparer.Ordinal).ToArray();
        Assert.True(cases.Length >= 10, "too few printer cases");
        var failures = new List<string>();
        foreach (var input in cases)
        {
            var name = Path.GetFileNameWithoutExtension(input);
            var tree = Parsed.Bytes(File.ReadAllBytes(input));
            var errorFile = Path.ChangeExtension(input, ".error");
            if (File.Exists(errorFile))
            {
                var expectedError = File.ReadAllText(errorFile).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
                var actualError = string.Join("\n", Parsed.UpstreamErrors(tree));
                if (!tree.HasErrors || !actualError.Contains(expectedError.Split(": ", 2)[^1], StringComparison.Ordinal))
                {
                    failures.Add($"{name}: expected error containing \"{expectedError}\", got \"{actualError}\"");
                }

                continue;
            }

            // Upstream's test compares Fprint output (no final newline) with the .expect file trimmed at the end.
            var expected = File.ReadAllText(Path.ChangeExtension(input, ".expect")).TrimEnd(' ', '\t', '\r', '\n');
            var actual = tree.HasErrors ? $"<parse error {Parsed.UpstreamErrors(tree)[0]}>" : AlloyFormatter.Format(tree)[..^1];
            if (actual != expected)
            {
                failures.Add(Mismatch(name, expected, actual));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Theory]
    [InlineData("upstream/generated/fmt")]
    [InlineData("upstream/generated/fmt_corpus")]
    [InlineData("upstream/generated/fmt_corpus_txtar")]
    public void Generated_cases_match_upstream(string set)
    {
        var folder = SharedData.ConformancePath(set);
        var cases = Directory.GetFiles(folder, "*.in", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Assert.True(cases.Length > 100, $"{set}: too few cases");
        var results = new CaseResults(set);
        foreach (var input in cases)
        {
            var name = $"{set}/{Path.GetRelativePath(folder, input)[..^".in".Length]}";
            var tree = Parsed.Bytes(File.ReadAllBytes(input));
            var expectFile = Path.ChangeExtension(input, ".expect");
            if (!File.Exists(expectFile))
            {
                // An .error case: upstream refuses to format it, so must we.
                var expectedError = File.ReadAllLines(Path.ChangeExtension(input, ".error"))[0];
                results.ExpectParseError(name, tree, expectedError);
                continue;
            }

            results.Compare(name, tree, File.ReadAllText(expectFile));
        }

        results.AssertAll();
    }

    [Theory]
    [InlineData("corpus")]
    [InlineData("mutations")]
    public void Corpus_files_that_parse_match_upstream(string set)
    {
        var root = SharedData.ConformancePath(set);
        var expectations = Json.Load(Path.Combine(root, "expected.json")).AsObject();
        var results = new CaseResults(set);
        foreach (var (name, node) in expectations)
        {
            if (!(bool)node!["parses"]!)
            {
                continue;
            }

            var tree = Parsed.Bytes(File.ReadAllBytes(Path.Combine(root, "files", name)));
            results.Compare($"{set}/{name}", tree, (string)node["fmt"]!);
        }

        Assert.True(results.Compared > 100, $"{set}: too few formatted cases");
        results.AssertAll();
    }

    internal static string Mismatch(string name, string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        static string Show(string[] lines, int line) => line < lines.Length ? Visible(lines[line]) : "<end>";
        return $"{name}: first difference at line {line + 1}\n  expected: {Show(expectedLines, line)}\n  actual:   {Show(actualLines, line)}";
    }

    private static string Visible(string text) =>
        text.Replace("\t", "→", StringComparison.Ordinal).Replace("\r", "␍", StringComparison.Ordinal);

    /// <summary>Collects the outcome of many cases and fails once with all unexpected results.</summary>
    private sealed class CaseResults(string set)
    {
        private readonly List<string> _failures = [];
        private readonly HashSet<string> _divergencesSeen = [];
        private int _identical;

        public int Compared { get; private set; }

        /// <summary><paramref name="expectedFirstError"/> is upstream's "input.alloy:L:C: message" line.</summary>
        public void ExpectParseError(string name, SyntaxTree tree, string expectedFirstError)
        {
            var expected = expectedFirstError["input.alloy:".Length..];
            var colon = expected.IndexOf(": ", StringComparison.Ordinal);
            expected = $"{expected[..colon]} {expected[(colon + 2)..]}";
            var actual = tree.HasErrors ? Parsed.UpstreamErrors(tree)[0] : "no error";
            if (actual != expected)
            {
                _failures.Add($"{name}: upstream refuses it with {expected}, we report {actual}");
            }
            else
            {
                Assert.Throws<InvalidOperationException>(() => AlloyFormatter.Format(tree));
            }
        }

        public void Compare(string name, SyntaxTree tree, string expected)
        {
            Compared++;
            if (tree.HasErrors)
            {
                _failures.Add($"{name}: upstream formats it but it does not parse here: {Parsed.UpstreamErrors(tree)[0]}");
                return;
            }

            var actual = AlloyFormatter.Format(tree);
            if (Divergences.TryGetValue(name, out var reason))
            {
                _divergencesSeen.Add(name);
                if (actual == expected)
                {
                    _failures.Add($"{name}: listed as a divergence ({reason}) but matches upstream; remove it from the list");
                }

                return;
            }

            if (actual == expected)
            {
                _identical++;
            }
            else
            {
                _failures.Add(Mismatch(name, expected, actual));
            }
        }

        public void AssertAll()
        {
            var missing = Divergences.Keys.Where(k => k.StartsWith(set + "/", StringComparison.Ordinal) && !_divergencesSeen.Contains(k));
            _failures.AddRange(missing.Select(k => $"{k}: listed as a divergence but no such case was formatted"));
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{set}: {_identical}/{Compared} byte-identical, {_divergencesSeen.Count} documented divergences");
            Assert.True(_failures.Count == 0, $"{_failures.Count} unexpected results in {set}:\n\n" + string.Join("\n\n", _failures.Take(30)));
        }
    }
}
