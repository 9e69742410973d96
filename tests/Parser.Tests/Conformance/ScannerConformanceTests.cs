using System.Text.Json.Nodes;
using AlloyLint.Parser.Lexing;
using AlloyLint.Parser.Tests.Support;
using AlloyLint.Parser.Text;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Parser.Tests.Conformance;

/// <summary>The tokenizer against upstream's scanner: its test tables and the generated scan cases.</summary>
public class ScannerConformanceTests
{
    private static readonly AlloyTokenizer RawTokenizer = new(insertTerminators: false);

    /// <summary>The generated cases: token kinds, literals, positions and errors with terminators inserted.</summary>
    [Fact]
    public void Generated_scan_cases_match_upstream_tokens_and_errors()
    {
        var cases = Json.Load(SharedData.ConformancePath("upstream/generated/scan_cases.json")).AsArray();
        Assert.NotEmpty(cases);
        var failures = new List<string>();
        foreach (var testCase in cases)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes((string)testCase!["input"]!);
            var source = SourceText.Decode(bytes, "input.alloy");
            var scanned = AlloyTokenizer.Instance.Scan(source);

            var expected = testCase["tokens"]!.AsArray()
                .Select(t => $"{(string)t!["tok"]!} {Escape((string)t["lit"]!)} @{(int)t["off"]!} {(string)t["pos"]!}");
            var actual = Interleave(scanned)
                .Select(t => $"{t.Kind.Describe()} {Escape(t.Literal)} @{UpstreamPosition.ByteOffset(source, t.Start)} {UpstreamPosition.LineColumn(source, t.Start)}");
            var expectedErrors = testCase["errors"]!.AsArray().Select(e => $"{(int)e!["off"]!}: {(string)e["msg"]!}");
            var actualErrors = scanned.Errors.Select(e => $"{UpstreamPosition.ByteOffset(source, e.Offset)}: {e.Message}");

            if (!expected.SequenceEqual(actual) || !expectedErrors.SequenceEqual(actualErrors))
            {
                failures.Add($"{testCase["name"]}:\n  expected {string.Join(" | ", expected)} / {string.Join(" | ", expectedErrors)}\n" +
                             $"  actual   {string.Join(" | ", actual)} / {string.Join(" | ", actualErrors)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Upstream's <c>TestScanner_Scan</c>: every token kind, each followed by whitespace, terminators off.</summary>
    [Fact]
    public void Scanner_table_tokens_scan_with_upstream_kinds_and_literals()
    {
        var table = ScannerTable("tokens");
        const string whitespace = "  \t  \n\n\n";
        var input = string.Concat(table.Select(c => (string)c!["lit"]! + whitespace));
        var tokens = RawTokenizer.Tokenize(input).ToArray();

        Assert.Equal(table.Count, tokens.Length);
        for (var i = 0; i < table.Count; i++)
        {
            var expectedKind = (string)table[i]!["tok"]!;
            var literal = (string)table[i]!["lit"]!;
            Assert.Equal(expectedKind, "token." + UpstreamName(tokens[i].Kind));
            Assert.Equal(1, tokens[i].Span.Position.Column);
            if (tokens[i].Kind != AlloyToken.Comment)
            {
                Assert.Equal(literal, tokens[i].ToStringValue());
            }
        }
    }

    /// <summary>Comment literals lose '\r' as upstream's <c>stripCR</c> does (the golang/go#11151 cases included).</summary>
    [Fact]
    public void Scanner_table_comment_literals_are_cleaned_like_upstream()
    {
        // Upstream's expectations for the table's comment literals (scanner_test.go strips CR the same way).
        var expected = new Dictionary<string, string>
        {
            ["/* a comment */"] = "/* a comment */",
            ["// a comment \n"] = "// a comment ",
            ["/*\r*/"] = "/**/",
            ["/**\r/*/"] = "/**\r/*/",
            ["/**\r\r/*/"] = "/**\r/*/",
            ["//\r\n"] = "//",
        };
        var comments = ScannerTable("tokens").Where(c => (string)c!["tok"]! == "token.COMMENT").Select(c => (string)c!["lit"]!).ToArray();
        Assert.Equal(expected.Keys.Order(), comments.Order());
        foreach (var literal in comments)
        {
            var scanned = RawTokenizer.Scan(SourceText.From(literal));
            var comment = Assert.Single(scanned.Comments);
            Assert.Equal(expected[literal], comment.Text);
        }
    }

    /// <summary>Upstream's <c>TestScanner_Scan_Errors</c>: the first token of each input, its kind, literal and error.</summary>
    [Fact]
    public void Scanner_table_error_cases_report_upstream_messages_and_offsets()
    {
        var failures = new List<string>();
        foreach (var testCase in ScannerTable("errorTests"))
        {
            var bytes = Json.GoBytes(testCase!["input"]!);
            var source = SourceText.Decode(bytes, "input.alloy");
            var scanned = RawTokenizer.Scan(source);
            var first = Interleave(scanned).First();
            var expectedKind = (string)testCase["tok"]!;
            var expectedError = (string)testCase["err"]!;
            var errors = scanned.Errors.Where(e => e.TokenIndex == 0).ToArray();

            var actualKind = "token." + UpstreamName(first.Kind);
            if (actualKind != expectedKind)
            {
                failures.Add($"{testCase["_line"]}: kind {actualKind}, expected {expectedKind}");
            }

            if (first.Kind != AlloyToken.Illegal && testCase["lit"] is JsonValue lit && first.Literal != (string)lit!)
            {
                failures.Add($"{testCase["_line"]}: literal {first.Literal}, expected {lit}");
            }

            if (expectedError.Length == 0 ? errors.Length != 0
                : errors.Length != 1 || errors[^1].Message != expectedError || UpstreamPosition.ByteOffset(source, errors[^1].Offset) != (int)testCase["pos"]!)
            {
                failures.Add($"{testCase["_line"]}: errors [{string.Join("; ", errors.Select(e => $"{UpstreamPosition.ByteOffset(source, e.Offset)} {e.Message}"))}], expected {testCase["pos"]} {expectedError}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static JsonArray ScannerTable(string name)
    {
        var tables = Json.Load(SharedData.ConformancePath("upstream/tables/syntax__scanner__scanner_test.json"))["tables"]!.AsArray();
        return tables.Single(t => (string)t!["var"]! == name)!["cases"]!.AsArray();
    }

    private sealed record ScannedToken(AlloyToken Kind, int Start, string Literal);

    /// <summary>Tokens and comments in scan order (a terminator inserted before a comment comes first).</summary>
    private static IEnumerable<ScannedToken> Interleave(AlloyTokens scanned)
    {
        var tokens = scanned.Tokens.Select(t => new ScannedToken(
            t.Kind, t.Span.Position.Absolute, UpstreamLiteral(t.Kind, t.ToStringValue())));
        var comments = scanned.Comments.Select(c => new ScannedToken(AlloyToken.Comment, c.Span.Start, c.Text));
        return tokens.Concat(comments).OrderBy(t => t.Start).ThenBy(t => t.Kind == AlloyToken.Comment ? 1 : 0);
    }

    private static string UpstreamLiteral(AlloyToken kind, string text) => kind switch
    {
        AlloyToken.Terminator => "\n",
        AlloyToken.Ident or AlloyToken.Number or AlloyToken.Float or AlloyToken.String or AlloyToken.Bool or AlloyToken.Null
            or AlloyToken.Illegal => text,
        _ => string.Empty,
    };

    private static string Escape(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private static string UpstreamName(AlloyToken kind) => kind switch
    {
        AlloyToken.Or => "OR",
        AlloyToken.And => "AND",
        AlloyToken.Not => "NOT",
        AlloyToken.Assign => "ASSIGN",
        AlloyToken.Eq => "EQ",
        AlloyToken.Neq => "NEQ",
        AlloyToken.Lt => "LT",
        AlloyToken.Lte => "LTE",
        AlloyToken.Gt => "GT",
        AlloyToken.Gte => "GTE",
        AlloyToken.Add => "ADD",
        AlloyToken.Sub => "SUB",
        AlloyToken.Mul => "MUL",
        AlloyToken.Div => "DIV",
        AlloyToken.Mod => "MOD",
        AlloyToken.Pow => "POW",
        AlloyToken.LCurly => "LCURLY",
        AlloyToken.RCurly => "RCURLY",
        AlloyToken.LParen => "LPAREN",
        AlloyToken.RParen => "RPAREN",
        AlloyToken.LBrack => "LBRACK",
        AlloyToken.RBrack => "RBRACK",
        AlloyToken.Comma => "COMMA",
        AlloyToken.Dot => "DOT",
        _ => kind.Describe(),
    };
}
