using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Tests.Support;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using Xunit;

namespace AlloyLint.Parser.Tests;

public class ParserTests
{
    private static string Expr(string expression)
    {
        var parse = AlloyParser.ParseExpression(SourceText.From(expression));
        Assert.False(parse.HasErrors, string.Join("; ", parse.Diagnostics.Select(d => d.Message)));
        return Sexpr.Of(parse.Expression);
    }

    private static string Errors(string text) => string.Join("; ", Parsed.UpstreamErrors(Parsed.Text(text)));

    [Theory]
    [InlineData("1 || 2 && 3 == 4 + 5 * 6 ^ 7 ^ 8", "(|| 1 (&& 2 (== 3 (+ 4 (* 5 (^ 6 (^ 7 8)))))))")]
    [InlineData("1 - 2 - 3", "(- (- 1 2) 3)")]
    [InlineData("8 / 4 / 2", "(/ (/ 8 4) 2)")]
    [InlineData("2 ^ 3 ^ 2", "(^ 2 (^ 3 2))")]
    [InlineData("-2 ^ 2", "(^ (- 2) 2)")]
    [InlineData("!x == y", "(== (! x) y)")]
    [InlineData("1 < 2 < 3", "(< (< 1 2) 3)")]
    [InlineData("a || b || c", "(|| (|| a b) c)")]
    [InlineData("1 + 2 * 3 % 4", "(+ 1 (% (* 2 3) 4))")]
    [InlineData("1 != 2 <= 3 >= 4 > 5", "(> (>= (<= (!= 1 2) 3) 4) 5)")]
    [InlineData("--1", "(- (- 1))")]
    [InlineData("!!x", "(! (! x))")]
    [InlineData("-(-1)", "(- (paren (- 1)))")]
    [InlineData("(1 + 2) * 3", "(* (paren (+ 1 2)) 3)")]
    [InlineData("f(1)(2)[0].b", "(. (index (call (call f 1) 2) 0) b)")]
    [InlineData("(f)(1)", "(call (paren f) 1)")]
    [InlineData("-a.b[1]", "(- (index (. a b) 1))")]
    [InlineData("sys.env(\"HOME\")", "(call (. sys env) \"HOME\")")]
    [InlineData("[1, [2, 3], {}]", "[1 [2 3] {}]")]
    [InlineData("[1,]", "[1]")]
    [InlineData("f(1, 2,)", "(call f 1 2)")]
    [InlineData("{a = 1, \"b c\" = 2, `d` = 3, \"\" = 4,}", "{a=1 \"b c\"=2 \"d\"=3 \"\"=4}")]
    [InlineData("[\n  1,\n  2,\n]", "[1 2]")]
    public void Expressions_follow_upstream_precedence_and_associativity(string expression, string expected) =>
        Assert.Equal(expected, Expr(expression));

    [Fact]
    public void Quoted_keys_keep_their_raw_text()
    {
        var obj = Assert.IsType<ObjectExpression>(AlloyParser.ParseExpression(SourceText.From("{\"a\\\"b\" = 1, \"\" = 2}")).Expression);
        Assert.Equal(("a\\\"b", true), (obj.Fields[0].Key, obj.Fields[0].Quoted));
        Assert.Equal(("\"\"", false), (obj.Fields[1].Key, obj.Fields[1].Quoted));
        Assert.Equal(new TextSpan(1, 6), obj.Fields[0].KeySpan);
    }

    [Fact]
    public void Empty_file_is_an_empty_valid_tree()
    {
        var tree = Parsed.Text(string.Empty);
        Assert.False(tree.HasErrors);
        Assert.Empty(tree.Root.Statements);
        Assert.Empty(tree.Comments);
    }

    [Fact]
    public void Comment_only_file_is_valid_and_keeps_its_comments()
    {
        var tree = Parsed.Text("// a\n// b\n\n/* c */\n");
        Assert.False(tree.HasErrors);
        Assert.Equal([["// a", "// b"], ["/* c */"]], tree.CommentGroups.Select(g => g.Select(c => c.Text).ToArray()));
    }

    [Fact]
    public void Blocks_expose_names_labels_bodies_and_spans()
    {
        const string text = "prometheus.scrape \"default\" {\n  targets = [] // t\n  inner { }\n}\n";
        var tree = Parsed.Text(text);
        Assert.False(tree.HasErrors);
        var block = Assert.IsType<BlockStatement>(Assert.Single(tree.Root.Statements));
        Assert.Equal("prometheus.scrape", block.Name);
        Assert.Equal(["prometheus", "scrape"], block.NameParts.Select(p => p.Name));
        Assert.Equal(new TextSpan(11, 6), block.NameParts[1].Span);
        Assert.Equal(new TextSpan(0, 17), block.NameSpan);
        Assert.False(block.IsNameWrittenApart);
        var label = Assert.NotNull(block.Label);
        Assert.Equal("default", label.Value);
        Assert.Equal("\"default\"", text[label.Span.Start..label.Span.End]);
        Assert.Equal(new TextSpan(28, 1), block.OpenBrace);
        Assert.Equal(text.LastIndexOf('}'), block.CloseBrace.Start);
        Assert.Equal(TextSpan.FromBounds(0, text.LastIndexOf('}') + 1), block.Span);
        Assert.Equal(2, block.Body.Statements.Length);

        var attribute = block.Body.Attributes.Single();
        Assert.Equal("targets", attribute.Name.Name);
        Assert.Equal("targets = []", text[attribute.Span.Start..attribute.Span.End]);
        Assert.Equal("// t", Assert.Single(tree.Comments).Text);

        var inner = block.Body.Blocks.Single();
        Assert.Null(inner.Label);
        Assert.Empty(inner.Body.Statements);
    }

    [Fact]
    public void Dotted_block_names_are_joined_and_shared_however_they_are_written()
    {
        var tree = Parsed.Text("loki.write \"a\" { }\nloki . /* c */ write \"b\" { }\nloki.write \"c\" { }\n");
        Assert.False(tree.HasErrors);
        var blocks = tree.Root.Blocks.ToArray();
        Assert.All(blocks, block => Assert.Equal("loki.write", block.Name));
        Assert.Same(blocks[0].Name, blocks[2].Name);
        Assert.Equal([false, true, false], blocks.Select(block => block.IsNameWrittenApart));
        Assert.Equal([new TextSpan(19, 4), new TextSpan(34, 5)], blocks[1].NameParts.Select(part => part.Span));
        Assert.Equal(new TextSpan(19, 20), blocks[1].NameSpan);
        Assert.Equal([new TextSpan(48, 4), new TextSpan(53, 5)], blocks[2].NameParts.Select(part => part.Span));
    }

    [Fact]
    public void Labels_and_quoted_keys_share_one_string_with_the_names_they_equal()
    {
        var tree = Parsed.Text("a \"x\" {\n  b = { \"x\" = 1 }\n}\nc = a.x\n");
        Assert.False(tree.HasErrors);
        var block = Assert.IsType<BlockStatement>(tree.Root.Statements[0]);
        var field = Assert.Single(Assert.IsType<ObjectExpression>(Assert.IsType<AttributeStatement>(block.Body.Statements[0]).Value).Fields);
        var member = Assert.IsType<AccessExpression>(Assert.IsType<AttributeStatement>(tree.Root.Statements[1]).Value).Member;
        Assert.Equal(("x", true), (field.Key, field.Quoted));
        Assert.Equal("x", member.Name);
        Assert.Same(member.Name, block.Label!.Value.Value);
        Assert.Same(member.Name, field.Key);
    }

    [Theory]
    [InlineData(0, 17, 18, 9, 28, 30, 0)] // as usual: the spans are worked out from the name, label and body
    [InlineData(0, 17, 18, 9, 28, 30, 1)] // the close brace is another token (a syntax error)
    [InlineData(0, 17, 18, 4, 28, 30, 0)] // the label is shorter than its value in quotes
    [InlineData(0, 19, 20, 9, 30, 32, 0)] // the name is longer than its text
    [InlineData(0, 17, 18, 9, 28, 28, 0)] // the body is empty
    [InlineData(0, 17, 19, 9, 29, 31, 0)] // two spaces before the label
    [InlineData(0, 17, 18, 9, 29, 31, 0)] // two spaces before the open brace
    public void Blocks_keep_the_spans_they_are_made_with_whatever_the_layout(
        int nameStart, int nameLength, int labelStart, int labelLength, int openStart, int closeStart, int closeLengthExtra)
    {
        var label = new BlockLabel("default", new TextSpan(labelStart, labelLength));
        var (open, close) = (new TextSpan(openStart, 1), new TextSpan(closeStart, 1 + closeLengthExtra));
        var body = new Body([], TextSpan.FromBounds(open.End, close.Start));
        var block = new BlockStatement("prometheus.scrape", new TextSpan(nameStart, nameLength), default, label, open, body, close);
        Assert.Equal(new TextSpan(nameStart, nameLength), block.NameSpan);
        Assert.Equal(label, block.Label);
        Assert.Equal(open, block.OpenBrace);
        Assert.Equal(close, block.CloseBrace);
        Assert.Equal(body.Span, block.Body.Span);
        Assert.Equal(TextSpan.FromBounds(nameStart, close.End), block.Span);
    }

    [Theory]
    [InlineData("a {\n  b = 1\n}\n", 2)]
    [InlineData("a  {\n  b = 1\n}\n", 3)]
    [InlineData("a\n{\n  b = 1\n}\n", 2)]
    [InlineData("a {}\n", 2)]
    public void Blocks_without_a_label_have_the_spans_of_their_source_text(string text, int openBrace)
    {
        var block = Assert.IsType<BlockStatement>(Assert.Single(Parsed.Text(text).Root.Statements));
        Assert.Null(block.Label);
        Assert.Equal(new TextSpan(0, 1), block.NameSpan);
        Assert.Equal(new TextSpan(openBrace, 1), block.OpenBrace);
        Assert.Equal(new TextSpan(text.LastIndexOf('}'), 1), block.CloseBrace);
        Assert.Equal(TextSpan.FromBounds(openBrace + 1, text.LastIndexOf('}')), block.Body.Span);
        Assert.Equal(TextSpan.FromBounds(0, text.LastIndexOf('}') + 1), block.Span);
    }

    [Theory]
    [InlineData("x = a.b.c\n", "a|b|c")]
    [InlineData("x = a . b.c\n", "a|b|c")]
    [InlineData("x = a.\n  b .c\n", "a|b|c")]
    [InlineData("x = f(1).b[0].c\n", "f(1)|b|c")]
    public void Accessed_members_have_the_spans_of_their_source_text(string text, string parts)
    {
        var tree = Parsed.Text(text);
        Assert.False(tree.HasErrors);
        var names = new List<string>();
        var expression = Assert.IsType<AttributeStatement>(Assert.Single(tree.Root.Statements)).Value;
        Assert.Equal(text.TrimEnd().Length, expression.Span.End);
        while (expression is AccessExpression or IndexExpression)
        {
            if (expression is AccessExpression access)
            {
                Assert.Equal(access.Member.Name, text[access.Member.Span.Start..access.Member.Span.End]);
                Assert.Equal(access.Member.Span.End, access.Span.End);
                Assert.Equal(4, access.Span.Start);
                names.Insert(0, access.Member.Name);
                expression = access.Target;
            }
            else
            {
                expression = ((IndexExpression)expression).Target;
            }
        }

        names.Insert(0, text[expression.Span.Start..expression.Span.End]);
        Assert.Equal(parts, string.Join('|', names));
    }

    [Fact]
    public void A_member_that_is_no_name_keeps_the_span_of_the_token_read_in_its_place()
    {
        var tree = Parsed.Text("x = a.+\n");
        Assert.True(tree.HasErrors);
        var access = Assert.Single(tree.Root.Descendants().OfType<AccessExpression>());
        Assert.Equal(new Identifier("", new TextSpan(6, 1)), access.Member);
        Assert.Equal(new TextSpan(4, 3), access.Span);
        var apart = new AccessExpression(access.Target, new Identifier("b", new TextSpan(9, 1)));
        Assert.Equal((new TextSpan(9, 1), new TextSpan(4, 6)), (apart.Member.Span, apart.Span));
    }

    [Fact]
    public void Operator_and_key_spans_are_kept_as_given()
    {
        var one = new LiteralExpression(LiteralKind.Number, "1", new TextSpan(0, 1));
        var or = new BinaryExpression(BinaryOperator.Or, new TextSpan(2, 2), one, one);
        Assert.Equal((BinaryOperator.Or, new TextSpan(2, 2)), (or.Operator, or.OperatorSpan));
        var power = new BinaryExpression(BinaryOperator.Power, new TextSpan(2, 1), one, one);
        Assert.Equal((BinaryOperator.Power, new TextSpan(2, 1)), (power.Operator, power.OperatorSpan));
        var not = new UnaryExpression(UnaryOperator.Negate, new TextSpan(3, 1), one);
        Assert.Equal((UnaryOperator.Negate, new TextSpan(3, 1)), (not.Operator, not.OperatorSpan));
        Assert.Equal(new TextSpan(4, 5), new ObjectField("a.b", true, new TextSpan(4, 5), one).KeySpan);
        Assert.Throws<ArgumentException>(() => new ObjectField("a.b", true, new TextSpan(4, 3), one));
    }

    [Theory]
    [InlineData("a = b | c\n", BinaryOperator.Or)]
    [InlineData("a = b & c\n", BinaryOperator.And)]
    public void A_lone_bar_or_ampersand_is_the_operator_with_its_one_character_span(string text, BinaryOperator expected)
    {
        var tree = Parsed.Text(text);
        Assert.True(tree.HasErrors);
        var binary = Assert.IsType<BinaryExpression>(Assert.IsType<AttributeStatement>(Assert.Single(tree.Root.Statements)).Value);
        Assert.Equal((expected, new TextSpan(6, 1)), (binary.Operator, binary.OperatorSpan));
    }

    [Fact]
    public void A_block_without_its_closing_brace_ends_at_the_token_read_in_its_place()
    {
        const string text = "a \"b\" {\n  c = 1\n";
        var block = Assert.IsType<BlockStatement>(Assert.Single(Parsed.Text(text).Root.Statements));
        Assert.Equal(new TextSpan(text.Length, 0), block.CloseBrace);
        Assert.Equal(new TextSpan(6, 1), block.OpenBrace);
        Assert.Equal(TextSpan.FromBounds(7, text.Length), block.Body.Span);
        Assert.Equal(new BlockLabel("b", new TextSpan(2, 3)), block.Label);
    }

    [Theory]
    [InlineData("a.b.c { }\n", "a|b|c", false)]
    [InlineData("a { }\n", "a", false)]
    [InlineData("a.\"b\" { }\n", "a|\"b\"", true)]
    [InlineData("a.\n  b.c { }\n", "a|b|c", true)]
    public void Block_name_parts_have_the_spans_of_their_source_text(string text, string parts, bool writtenApart)
    {
        var block = Assert.IsType<BlockStatement>(Parsed.Text(text).Root.Statements.Single());
        Assert.Equal(writtenApart, block.IsNameWrittenApart);
        Assert.Equal(parts, string.Join('|', block.NameParts.Select(part => part.Name)));
        Assert.All(block.NameParts, part => Assert.Equal(part.Name, text[part.Span.Start..part.Span.End]));
    }

    [Fact]
    public void A_missing_operand_is_a_null_placeholder_with_an_empty_span()
    {
        var tree = Parsed.Text("a = 2 ^\n");
        Assert.True(tree.HasErrors);
        var power = Assert.IsType<BinaryExpression>(tree.Root.Attributes.Single().Value);
        var missing = Assert.IsType<LiteralExpression>(power.Right);
        Assert.Equal((LiteralKind.Null, "null", 0), (missing.Kind, missing.RawText, missing.Span.Length));
        Assert.Throws<ArgumentException>(() => new LiteralExpression(LiteralKind.Null, "null", new TextSpan(0, 0)));
    }

    [Fact]
    public void Expression_spans_cover_their_source_text()
    {
        const string text = "a = -f(x)[0].y + (2 * \"s\") ^ {k = [1]}\n";
        var tree = Parsed.Text(text);
        Assert.False(tree.HasErrors);
        var value = tree.Root.Attributes.Single().Value;
        var covered = value.DescendantsAndSelf().OfType<Expression>().Select(e => text[e.Span.Start..e.Span.End]).ToArray();
        Assert.Equal(
            ["-f(x)[0].y + (2 * \"s\") ^ {k = [1]}", "-f(x)[0].y", "f(x)[0].y", "f(x)[0]", "f(x)", "f", "x", "0",
             "(2 * \"s\") ^ {k = [1]}", "(2 * \"s\")", "2 * \"s\"", "2", "\"s\"", "{k = [1]}", "[1]", "1"],
            covered);
    }

    [Fact]
    public void Unicode_text_keeps_utf16_spans()
    {
        var tree = Parsed.Text("名前 = \"é😀\" // ü\n");
        var attribute = tree.Root.Attributes.Single();
        Assert.Equal(new TextSpan(0, 2), attribute.Name.Span);
        Assert.Equal(new TextSpan(5, 5), attribute.Value.Span);
        Assert.Equal(new TextSpan(11, 4), tree.Comments.Single().Span);
    }

    [Fact]
    public void Crlf_file_parses_and_errors_point_at_utf16_columns()
    {
        var tree = Parsed.Text("a = 1\r\nb = 2\r\nc = [1 2]\r\n");
        var error = Assert.Single(tree.Diagnostics);
        Assert.Equal(new LinePosition(3, 8), tree.Source.GetPosition(error.Span.Start));
        Assert.Equal("missing ',' in expression list", error.Message);
    }

    [Fact]
    public void Bom_file_parses_and_spans_exclude_the_bom()
    {
        var tree = Parsed.Bytes([0xEF, 0xBB, 0xBF, .. "a = 1 b"u8]);
        Assert.True(tree.Source.HasBom);
        var error = Assert.Single(tree.Diagnostics);
        Assert.Equal(6, error.Span.Start);
        Assert.Equal(new LinePosition(1, 7), tree.Source.GetPosition(error.Span.Start));
    }

    [Fact]
    public void Invalid_utf8_is_reported_in_upstream_order()
    {
        var tree = Parsed.Bytes([.. "a = 1 "u8, 0xFF, .. "\nb = \"x"u8, 0xFE, .. "\"\n"u8]);
        Assert.Equal(
            ["1:7 illegal UTF-8 encoding", "1:7 illegal character U+FFFD '\uFFFD'", "1:7 expected TERMINATOR, got ILLEGAL", "2:7 illegal UTF-8 encoding"],
            tree.Diagnostics.Select(d => Parsed.Describe(tree.Source, d)));
    }

    [Fact]
    public void Every_syntax_error_is_al001_error()
    {
        var tree = Parsed.Text("a = \nb.c = 1\n#");
        Assert.NotEmpty(tree.Diagnostics);
        Assert.All(tree.Diagnostics, d => Assert.Equal(("AL001", Severity.Error), (d.Code, d.Severity)));
    }

    [Theory]
    [InlineData("a = 1 b = 2\n", "1:7 expected TERMINATOR, got IDENT")]
    [InlineData("a = 1;\n", "1:6 illegal character U+003B ';'; 1:6 expected TERMINATOR, got ILLEGAL")]
    [InlineData("a.b.c = 1\n", "1:1 attribute names may only consist of a single identifier with no \".\"")]
    [InlineData("a \"l\" = 1\n", "1:3 attribute names may not have labels")]
    [InlineData("a \"l\" \"m\" {\n}\n", "1:7 expected block body, got STRING")]
    [InlineData("a b {\n}\n", "1:3 expected block label, got IDENT")]
    [InlineData("a\nb = 1\n", "1:2 expected block label, got TERMINATOR; 2:1 expected attribute assignment or block body, got IDENT")]
    [InlineData("a `x` {\n}\n", "1:3 expected block label to be a double quoted string, but got \"`x`\"")]
    [InlineData("a \"with space\" {\n}\n", "1:3 expected block label to be a valid identifier, but got \"with space\"")]
    [InlineData("a \"x\\\"y\" {\n}\n", "1:3 expected block label to be a valid identifier, but got \"x\\\\\\\"y\"")]
    [InlineData("= 1\n", "1:1 expected identifier, got =")]
    [InlineData("true = 1\n", "1:1 expected identifier, got BOOL")]
    [InlineData("a. {\n}\n", "1:4 expected identifier, got {; 2:1 expected block label, got }")]
    [InlineData("a =", "1:4 expected expression, got EOF")]
    [InlineData("a = +1\n", "1:5 expected expression, got +")]
    [InlineData("a = [1,,2]\n", "1:8 expected expression, got ,")]
    [InlineData("a = [1, 2\n", "1:10 missing ',' in expression list; 2:1 expected ], got EOF")]
    [InlineData("a = [\n  1,\n  2\n]\n", "3:4 missing ',' in expression list")]
    [InlineData("a = {b = 1 c = 2}\n", "1:12 missing ',' in field list")]
    [InlineData("a = {1 = 2}\n", "1:6 expected field name (string or identifier), got NUMBER")]
    [InlineData("a = {]\n", "1:6 expected }, got ]")]
    [InlineData("a = {b 1}\n", "1:8 expected =, got NUMBER")]
    [InlineData("a = foo.true\n", "1:9 expected IDENT, got BOOL")]
    [InlineData("a = (1\n)\n", "1:7 expected ), got TERMINATOR; 2:1 expected TERMINATOR, got )")]
    [InlineData("a {\n  b = 1\n", "3:1 expected }, got EOF")]
    [InlineData("a = b.c \"d\" {\n  e = 1\n}\n", "1:5 cannot use a block as an expression")]
    [InlineData("a = b \"d\" 1\n", "1:11 expected {, got NUMBER")]
    [InlineData("a = [1 2 3] b c\n", "1:8 missing ',' in expression list")]
    [InlineData("a = \"é\" b\n", "1:10 expected TERMINATOR, got IDENT")]
    [InlineData("A={A!0A\"", "1:5 expected =, got !; 1:8 string literal not terminated")]
    public void Parser_errors_match_upstream_messages_positions_and_recovery(string text, string expected) =>
        Assert.Equal(expected, Errors(text));

    [Fact]
    public void Range_diagnostics_cover_what_they_name()
    {
        const string text = "a.b.c = 1\nx \"l\" = 2\ny = b {\n}\n";
        var tree = Parsed.Text(text);
        Assert.Equal(["a.b.c", "\"l\"", "b {\n}"], tree.Diagnostics.Select(d => text[d.Span.Start..d.Span.End]));
    }

    [Fact]
    public void Errors_on_the_same_line_are_suppressed_but_scanner_errors_are_not()
    {
        Assert.Equal("1:5 illegal character U+0040 '@'; 1:5 expected expression, got ILLEGAL; 1:7 illegal character U+0023 '#'",
            Errors("a = @ # 1\n"));
    }

    [Fact]
    public void A_tree_with_errors_still_holds_what_was_recovered()
    {
        var tree = Parsed.Text("a = 1\nb = [1 2]\nc { d = 3 }\n");
        Assert.True(tree.HasErrors);
        Assert.Equal(["a", "b"], tree.Root.Attributes.Select(a => a.Name.Name));
        Assert.Equal("c", tree.Root.Blocks.Single().Name);
    }

    [Theory]
    [InlineData('[', ']')]
    [InlineData('{', '}')]
    [InlineData('(', ')')]
    public void Deep_nesting_gives_a_diagnostic_not_a_stack_overflow(char open, char close)
    {
        const int depth = 100_000;
        var inner = open == '{' ? "{a = 1}" : "1";
        var text = "x = " + new string(open, depth) + inner + new string(close, depth) + "\n";
        if (open == '{')
        {
            text = "x = " + string.Concat(Enumerable.Repeat("{a = ", depth)) + "1" + new string('}', depth) + "\n";
        }

        var tree = Parsed.Text(text);
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Contains("nesting is too deep", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("AL001", diagnostic.Code);
    }

    [Fact]
    public void Deeply_nested_blocks_and_unary_operators_are_bounded_too()
    {
        var blocks = string.Concat(Enumerable.Repeat("a {\n", 100_000));
        Assert.Contains("nesting is too deep", Assert.Single(Parsed.Text(blocks).Diagnostics).Message, StringComparison.Ordinal);
        var unary = "x = " + new string('-', 100_000) + "1\n";
        Assert.Contains("nesting is too deep", Assert.Single(Parsed.Text(unary).Diagnostics).Message, StringComparison.Ordinal);
        var power = "x = " + string.Concat(Enumerable.Repeat("2 ^ ", 100_000)) + "2\n";
        Assert.Contains("nesting is too deep", Assert.Single(Parsed.Text(power).Diagnostics).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" + 1")]
    [InlineData(" || a")]
    [InlineData(".b")]
    [InlineData("[0]")]
    [InlineData("(1)")]
    public void Long_chains_that_would_nest_the_tree_deeply_are_bounded(string link)
    {
        var tree = Parsed.Text("x = a" + string.Concat(Enumerable.Repeat(link, 100_000)) + "\n");
        Assert.Contains("nesting is too deep", Assert.Single(tree.Diagnostics).Message, StringComparison.Ordinal);
        var fine = Parsed.Text("x = a" + string.Concat(Enumerable.Repeat(link, AlloyParser.MaxNestingDepth / 2)) + "\n");
        Assert.False(fine.HasErrors);
    }

    [Fact]
    public void Deep_nesting_parses_the_same_on_a_thread_with_a_small_stack()
    {
        // 600 nested objects need more stack than 256 KB; the parse is then run again on a thread with a large stack.
        var objects = "x = " + string.Concat(Enumerable.Repeat("{a = ", 600)) + "1" + new string('}', 600) + "\n";
        var brackets = "x = " + new string('[', 1001) + new string(']', 1001) + "\n";
        SyntaxTree? nestedObjects = null, nestedBrackets = null;
        var thread = new Thread(() => (nestedObjects, nestedBrackets) = (Parsed.Text(objects), Parsed.Text(brackets)), 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.False(nestedObjects!.HasErrors);
        Assert.Equal(600, nestedObjects.Root.Descendants().OfType<ObjectExpression>().Count());
        var tooDeep = Assert.Single(nestedBrackets!.Diagnostics);
        Assert.StartsWith("nesting is too deep", tooDeep.Message, StringComparison.Ordinal);
        Assert.Equal(4 + AlloyParser.MaxNestingDepth, tooDeep.Span.Start);
    }

    [Fact]
    public void Nesting_within_the_limit_parses()
    {
        var depth = AlloyParser.MaxNestingDepth / 2;
        var tree = Parsed.Text("x = " + new string('[', depth) + new string(']', depth) + "\n");
        Assert.False(tree.HasErrors);
    }

    [Fact]
    public void One_line_blocks_are_valid_but_two_statements_on_a_line_are_not()
    {
        Assert.Equal(string.Empty, Errors("a { b = 1 }\na { b { c = 1 } }\n"));
        Assert.Equal("1:11 expected TERMINATOR, got IDENT; 2:1 expected }, got EOF", Errors("a { b = 1 c = 2 }\n"));
    }
}
