using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlloyLint.Parser.Lexing;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Tests.Support;
using AlloyLint.Parser.Text;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Parser.Tests.Conformance;

/// <summary>The parser against upstream's parser fixtures, test tables and generated cases.</summary>
public partial class ParserConformanceTests
{
    private static string ParserTestdata(string relative = "") =>
        Path.Combine(SharedData.ConformancePath("upstream/syntax/parser/testdata"), relative);

    /// <summary>Upstream's <c>TestValid</c>: every file under testdata/valid parses without a diagnostic.</summary>
    [Fact]
    public void Valid_testdata_parses_without_errors()
    {
        var files = Directory.GetFiles(ParserTestdata("valid"), "*.alloy");
        Assert.True(files.Length >= 5, "expected the 5 upstream valid files");
        foreach (var file in files)
        {
            var tree = Parsed.Bytes(File.ReadAllBytes(file));
            Assert.True(!tree.HasErrors, $"{Path.GetFileName(file)}: {string.Join("; ", Parsed.UpstreamErrors(tree))}");
        }
    }

    /// <summary>Upstream's <c>TestErrors</c>: diagnostics map one to one onto the <c>/* ERROR "rx" */</c> comments.</summary>
    [Fact]
    public void Error_testdata_meets_the_error_comment_protocol()
    {
        var files = Directory.GetFiles(ParserTestdata(), "*.alloy");
        Assert.True(files.Length >= 6, "expected the 6 upstream error files");
        var failures = new List<string>();
        foreach (var file in files)
        {
            var source = SourceText.Decode(File.ReadAllBytes(file), file);
            var expected = ExpectedErrors(source);
            Assert.NotEmpty(expected);
            var tree = AlloyParser.Parse(source);
            foreach (var diagnostic in tree.Diagnostics)
            {
                var offset = UpstreamPosition.ByteOffset(source, diagnostic.Span.Start);
                if (expected.TryGetValue(offset, out var pattern) && Regex.IsMatch(diagnostic.Message, pattern))
                {
                    expected.Remove(offset);
                }
                else
                {
                    failures.Add($"{Path.GetFileName(file)}: unexpected {Parsed.Describe(source, diagnostic)} (byte {offset})");
                }
            }

            failures.AddRange(expected.Select(e => $"{Path.GetFileName(file)}: missing error at byte {e.Key} matching {e.Value}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The Go fuzz regression inputs parse to completion with the diagnostics upstream gave them.</summary>
    [Fact]
    public void Fuzz_regression_inputs_terminate()
    {
        var files = Directory.GetFiles(ParserTestdata("fuzz/FuzzParser"));
        Assert.Equal(3, files.Length);
        foreach (var file in files)
        {
            var literal = File.ReadAllLines(file)[1];
            var input = Regex.Unescape(literal["[]byte(\"".Length..^"\")".Length]);
            var tree = Parsed.Text(input);
            Assert.True(tree.HasErrors, input);
        }
    }

    /// <summary>Generated cases: exact messages, positions (start and end), cascades and suppression, or the exact AST.</summary>
    [Fact]
    public void Generated_parse_cases_match_upstream()
    {
        var cases = Json.Load(SharedData.ConformancePath("upstream/generated/parse_cases.json")).AsArray();
        Assert.True(cases.Count >= 80);
        var failures = new List<string>();
        foreach (var testCase in cases)
        {
            var tree = Parsed.Text((string)testCase!["input"]!);
            var expectedErrors = (testCase["errors"]?.AsArray() ?? []).Select(e =>
                $"{(string)e!["start"]!}{(e["end"] is { } end ? "-" + (string)end! : string.Empty)} {(string)e["msg"]!}");
            var actualErrors = tree.Diagnostics.Select(d =>
                $"{UpstreamPosition.LineColumn(tree.Source, d.Span.Start)}{(IsRangeDiagnostic(d.Message) ? "-" + UpstreamPosition.LineColumn(tree.Source, d.Span.End - 1) : string.Empty)} {d.Message}");
            if (!expectedErrors.SequenceEqual(actualErrors))
            {
                failures.Add($"{testCase["name"]}: expected [{string.Join("; ", expectedErrors)}] got [{string.Join("; ", actualErrors)}]");
                continue;
            }

            if (testCase["ast"] is JsonObject ast)
            {
                ast["comments"] ??= new JsonArray();
                var actual = OracleAst.File(tree);
                if (!JsonNode.DeepEquals(ast, actual))
                {
                    failures.Add($"{testCase["name"]}: AST\n  expected {ast.ToJsonString()}\n  actual   {actual.ToJsonString()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Upstream's <c>TestParseExpressions</c> with the recorded upstream AST: precedence and associativity.</summary>
    [Fact]
    public void Parser_table_expressions_match_the_oracle_ast()
    {
        var table = Json.Load(SharedData.ConformancePath("upstream/tables/syntax__parser__parser_test.json"))["tables"]![0]!["cases"]!.AsArray();
        Assert.True(table.Count >= 30);
        var failures = new List<string>();
        foreach (var testCase in table)
        {
            var parse = AlloyParser.ParseExpression(SourceText.From((string)testCase!["_value"]!));
            if (parse.HasErrors)
            {
                failures.Add($"{testCase["_key"]}: {string.Join("; ", parse.Diagnostics.Select(d => d.Message))}");
                continue;
            }

            var expected = testCase["oracle_ast"]!["ast"];
            var actual = OracleAst.Expression(parse.Expression);
            if (!JsonNode.DeepEquals(expected, actual))
            {
                failures.Add($"{testCase["_key"]}:\n  expected {expected!.ToJsonString()}\n  actual   {actual.ToJsonString()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Upstream's <c>TestObjectFieldName</c>: a quoted key loses its quotes.</summary>
    [Fact]
    public void Internal_table_object_field_names_lose_their_quotes()
    {
        var table = Json.Load(SharedData.ConformancePath("upstream/tables/syntax__parser__internal_test.json"))["tables"]![0]!["cases"]!.AsArray();
        Assert.Equal(2, table.Count);
        foreach (var testCase in table)
        {
            var parse = AlloyParser.ParseExpression(SourceText.From("{" + (string)testCase!["_value"]! + "}"));
            Assert.False(parse.HasErrors);
            var field = Assert.Single(Assert.IsType<Tree.ObjectExpression>(parse.Expression).Fields);
            Assert.Equal("field_a", field.Key);
        }
    }

    private static bool IsRangeDiagnostic(string message) => message is "cannot use a block as an expression"
        or "attribute names may not have labels" or "attribute names may only consist of a single identifier with no \".\"";

    [GeneratedRegex("""^/\* *ERROR *(HERE)? *"([^"]*)" *\*/$""")]
    private static partial Regex ErrorComment();

    /// <summary>Byte offset to message pattern, per upstream's ERROR-comment protocol.</summary>
    private static Dictionary<int, string> ExpectedErrors(SourceText source)
    {
        var scanned = AlloyTokenizer.Instance.Scan(source);
        var tokens = scanned.Tokens.Where(t => t.Kind is not (AlloyToken.Terminator or AlloyToken.Eof)).ToArray();
        var expected = new Dictionary<int, string>();
        foreach (var comment in scanned.Comments)
        {
            var match = ErrorComment().Match(comment.Text);
            if (!match.Success)
            {
                continue;
            }

            var previous = tokens.Last(t => t.Span.Position.Absolute < comment.Span.Start);
            var offset = UpstreamPosition.ByteOffset(source, previous.Span.Position.Absolute);
            if (match.Groups[1].Success)
            {
                offset += previous.Kind is AlloyToken.Ident or AlloyToken.Number or AlloyToken.Float or AlloyToken.String
                    ? System.Text.Encoding.UTF8.GetByteCount(previous.ToStringValue())
                    : previous.Kind.Describe().Length;
            }

            expected[offset] = match.Groups[2].Value;
        }

        return expected;
    }
}
