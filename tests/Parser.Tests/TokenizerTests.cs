using AlloyLint.Parser.Lexing;
using AlloyLint.Parser.Text;
using Xunit;

namespace AlloyLint.Parser.Tests;

public class TokenizerTests
{
    private static AlloyTokens Scan(string text) => AlloyTokenizer.Instance.Scan(SourceText.From(text));

    private static AlloyTokens Scan(byte[] bytes) => AlloyTokenizer.Instance.Scan(SourceText.Decode(bytes, "t.alloy"));

    /// <summary>Kinds and texts of the parser's tokens, EOF left out.</summary>
    private static string Tokens(string text) => Render(Scan(text));

    private static string Render(AlloyTokens scanned) => string.Join(" ", scanned.Tokens
        .Where(t => t.Kind != AlloyToken.Eof)
        .Select(t => t.Kind switch
        {
            AlloyToken.Terminator => "⏎",
            AlloyToken.Ident or AlloyToken.Number or AlloyToken.Float or AlloyToken.String or AlloyToken.Bool
                or AlloyToken.Null or AlloyToken.Illegal => $"{t.Kind.Describe()}({t.ToStringValue()})",
            _ => t.Kind.Describe(),
        }));

    private static string Errors(string text) => string.Join("; ", Scan(text).Errors.Select(e => $"{e.Offset}: {e.Message}"));

    [Theory]
    [InlineData("foo", "IDENT(foo)")]
    [InlineData("_x1", "IDENT(_x1)")]
    [InlineData("名前", "IDENT(名前)")]
    [InlineData("a٣", "IDENT(a٣)")]
    [InlineData("123", "NUMBER(123)")]
    [InlineData("007", "NUMBER(007)")]
    [InlineData("1.5", "FLOAT(1.5)")]
    [InlineData(".5", "FLOAT(.5)")]
    [InlineData("1.", "FLOAT(1.)")]
    [InlineData("1e5", "FLOAT(1e5)")]
    [InlineData("1E-5", "FLOAT(1E-5)")]
    [InlineData("\"a\\n\"", "STRING(\"a\\n\")")]
    [InlineData("`raw\\`", "STRING(`raw\\`)")]
    [InlineData("true", "BOOL(true)")]
    [InlineData("false", "BOOL(false)")]
    [InlineData("null", "NULL(null)")]
    [InlineData("true_ish", "IDENT(true_ish)")]
    [InlineData("nullx", "IDENT(nullx)")]
    public void Literal_and_name_tokens(string text, string expected) => Assert.Equal(expected + " ⏎", Tokens(text));

    [Fact]
    public void Every_operator_and_delimiter()
    {
        Assert.Equal("|| && ! != = == < <= > >= + - * / % ^ { } ( ) [ ] , .",
            Tokens("|| && ! != = == < <= > >= + - * / % ^ { } ( ) [ ] , ."));
    }

    [Fact]
    public void Maximal_munch_without_spaces() => Assert.Equal("IDENT(a) == ! IDENT(b) <= IDENT(c) ⏎", Tokens("a==!b<=c"));

    [Fact]
    public void Hex_prefix_is_a_number_then_an_identifier() => Assert.Equal("NUMBER(0) IDENT(x10) ⏎", Tokens("0x10"));

    [Fact]
    public void Dot_then_digit_after_an_identifier_is_a_float() => Assert.Equal("IDENT(x) FLOAT(.5) . IDENT(y) ⏎", Tokens("x.5.y"));

    [Theory]
    [InlineData("a\nb", "IDENT(a) ⏎ IDENT(b) ⏎")]
    [InlineData("1\n", "NUMBER(1) ⏎")]
    [InlineData("\"s\"\n", "STRING(\"s\") ⏎")]
    [InlineData(")\n]\n}\n", ") ⏎ ] ⏎ } ⏎")]
    [InlineData("a =\n1", "IDENT(a) = NUMBER(1) ⏎")]
    [InlineData("a +\n1", "IDENT(a) + NUMBER(1) ⏎")]
    [InlineData("[\n{\n(\n,\n.\n", "[ { ( , .")]
    [InlineData("a\n\n\nb", "IDENT(a) ⏎ IDENT(b) ⏎")]
    [InlineData("", "")]
    [InlineData("\n\n", "")]
    public void Terminators_follow_upstream_rules(string text, string expected) => Assert.Equal(expected, Tokens(text));

    [Fact]
    public void Terminator_before_a_line_ending_comment_is_zero_width_at_the_comment()
    {
        var scanned = Scan("a // c\nb");
        var terminator = scanned.Tokens.ElementAt(1);
        Assert.Equal(AlloyToken.Terminator, terminator.Kind);
        Assert.Equal(2, terminator.Span.Position.Absolute);
        Assert.Equal(0, terminator.Span.Length);
        Assert.Equal("IDENT(a) ⏎ IDENT(b) ⏎", Render(scanned));
    }

    [Theory]
    [InlineData("a /* c */\nb", "IDENT(a) ⏎ IDENT(b) ⏎")]
    [InlineData("a /* c */ b", "IDENT(a) IDENT(b) ⏎")]
    [InlineData("a /* x\n y */ b", "IDENT(a) ⏎ IDENT(b) ⏎")]
    [InlineData("a /* x */ /* y */\nb", "IDENT(a) ⏎ IDENT(b) ⏎")]
    [InlineData("a /* x */ /* y */ b", "IDENT(a) IDENT(b) ⏎")]
    [InlineData("a /* x ** y **/ b", "IDENT(a) IDENT(b) ⏎")]
    public void Block_comments_terminate_only_when_they_reach_the_line_end(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Fact]
    public void Terminator_at_end_of_input_is_zero_width()
    {
        var tokens = Scan("a").Tokens.ToArray();
        Assert.Equal([AlloyToken.Ident, AlloyToken.Terminator, AlloyToken.Eof], tokens.Select(t => t.Kind));
        Assert.Equal((1, 0), (tokens[1].Span.Position.Absolute, tokens[1].Span.Length));
    }

    [Fact]
    public void Terminator_at_a_newline_covers_the_newline()
    {
        var tokens = Scan("a\r\nb").Tokens.ToArray();
        Assert.Equal((2, 1), (tokens[1].Span.Position.Absolute, tokens[1].Span.Length));
    }

    [Fact]
    public void Comments_are_collected_in_source_order_with_spans()
    {
        var scanned = Scan("// one\na = 1 /* two */ + 2 // three\n");
        Assert.Equal(["// one", "/* two */", "// three"], scanned.Comments.Select(c => c.Text));
        Assert.Equal([Tree.CommentKind.Line, Tree.CommentKind.Block, Tree.CommentKind.Line], scanned.Comments.Select(c => c.Kind));
        Assert.Equal(new Text.TextSpan(13, 9), scanned.Comments[1].Span);
    }

    [Fact]
    public void Crlf_comments_lose_their_carriage_returns_and_spans_stop_before_them()
    {
        var scanned = Scan("// c\r\n/* x\r\ny */");
        Assert.Equal(["// c", "/* x\ny */"], scanned.Comments.Select(c => c.Text));
        Assert.Equal(new Text.TextSpan(0, 4), scanned.Comments[0].Span);
    }

    [Fact]
    public void Crlf_line_ends_are_whitespace_with_terminators_at_the_newline() =>
        Assert.Equal("IDENT(a) = NUMBER(1) ⏎ IDENT(b) = NUMBER(2) ⏎", Tokens("a = 1\r\nb = 2\r\n"));

    [Fact]
    public void Leading_bom_is_skipped_and_spans_exclude_it()
    {
        var scanned = Scan([0xEF, 0xBB, 0xBF, (byte)'a']);
        Assert.Empty(scanned.Errors);
        Assert.Equal(0, scanned.Tokens.First().Span.Position.Absolute);
    }

    [Fact]
    public void A_second_bom_is_illegal()
    {
        var scanned = Scan([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]);
        Assert.Equal("0: illegal byte order mark", string.Join("; ", scanned.Errors.Select(e => $"{e.Offset}: {e.Message}")));
        Assert.Equal(AlloyToken.Illegal, scanned.Tokens.First().Kind);
    }

    [Fact]
    public void Bom_after_the_start_is_illegal_without_a_second_message() =>
        Assert.Equal("1: illegal byte order mark", Errors("a\uFEFF"));

    [Fact]
    public void Invalid_utf8_is_reported_where_it_is_read()
    {
        var scanned = Scan("a = \"x"u8.ToArray().Concat(new byte[] { 0xFF }).Concat("\""u8.ToArray()).ToArray());
        Assert.Equal("6: illegal UTF-8 encoding", string.Join("; ", scanned.Errors.Select(e => $"{e.Offset}: {e.Message}")));
    }

    [Fact]
    public void Invalid_utf8_at_a_token_start_is_also_an_illegal_character()
    {
        var scanned = Scan([(byte)'a', (byte)' ', 0xC3]);
        Assert.Equal(["illegal UTF-8 encoding", "illegal character U+FFFD '\uFFFD'"], scanned.Errors.Select(e => e.Message));
    }

    [Fact]
    public void A_literal_replacement_character_in_valid_text_is_not_an_encoding_error() =>
        Assert.Equal(string.Empty, Errors("a = \"\uFFFD\""));

    [Theory]
    [InlineData("#", "0: illegal character U+0023 '#'")]
    [InlineData("a;", "1: illegal character U+003B ';'")]
    [InlineData("\u0007", "0: illegal character U+0007")]
    [InlineData("a²", "1: illegal character U+00B2 '²'")]
    [InlineData("a\0b", "1: illegal character NUL; 1: illegal character U+0000")]
    [InlineData("\"a\0\"", "2: illegal character NUL")]
    [InlineData("'abc'", "0: illegal single-quoted string; use double quotes")]
    [InlineData("a | b", "3: missing second | in ||")]
    [InlineData("a & b", "3: missing second & in &&")]
    [InlineData("10E", "0: exponent has no digits")]
    [InlineData("1e+", "0: exponent has no digits")]
    [InlineData("\"abc", "0: string literal not terminated")]
    [InlineData("\"abc\nd", "0: string literal not terminated")]
    [InlineData("`abc", "0: string literal not terminated")]
    [InlineData("\"\\q\"", "2: unknown escape sequence")]
    [InlineData("\"\\'\"", "2: unknown escape sequence")]
    [InlineData("\"\\", "2: escape sequence not terminated; 0: string literal not terminated")]
    [InlineData("\"\\x4\"", "2: illegal character U+0022 '\"' in escape sequence")]
    [InlineData("\"\\x4g\"", "2: illegal character U+0067 'g' in escape sequence")]
    [InlineData("\"\\777\"", "2: escape sequence is invalid Unicode code point")]
    [InlineData("\"\\uD800\"", "2: escape sequence is invalid Unicode code point")]
    [InlineData("\"\\U00110000\"", "2: escape sequence is invalid Unicode code point")]
    [InlineData("/* abc", "0: block comment not terminated")]
    [InlineData("/* a * b ** / c", "0: block comment not terminated")]
    [InlineData("\"plain text \\q\"", "13: unknown escape sequence")]
    [InlineData("\"a  b\0c\"", "5: illegal character NUL")]
    [InlineData("// a comment with \uFEFF inside", "18: illegal byte order mark")]
    public void Scanner_errors_use_upstream_messages_and_offsets(string text, string expected) => Assert.Equal(expected, Errors(text));

    /// <summary>The scanner skips runs of plain ASCII in whitespace, strings and comments: what ends a run is still checked.</summary>
    [Theory]
    [InlineData("a = \"some text\0more\"", "14: illegal character NUL")]
    [InlineData("a = `some text\0more`", "14: illegal character NUL")]
    [InlineData("a = 1 // some text\0more", "18: illegal character NUL")]
    [InlineData("a = \"some text\uFEFFmore\"", "14: illegal byte order mark")]
    [InlineData("a =  \t \r \uFEFF 1", "9: illegal byte order mark")]
    [InlineData("a = \"some text \\q more\"", "16: unknown escape sequence")]
    [InlineData("a = \"some text\nmore\"", "4: string literal not terminated; 19: string literal not terminated")]
    public void What_ends_a_run_of_plain_characters_is_still_checked(string text, string expected) => Assert.Equal(expected, Errors(text));

    [Fact]
    public void A_lone_surrogate_after_a_run_of_plain_characters_is_reported()
    {
        // Built at run time: a lone surrogate does not survive as an attribute argument.
        var high = char.ConvertFromUtf32(0x1F600)[0];
        Assert.Equal("14: illegal UTF-8 encoding", Errors("a = \"some text" + high + "more\""));
        Assert.Equal("14: illegal UTF-8 encoding", Errors("a = `some text" + high + "`"));
        Assert.Equal("18: illegal UTF-8 encoding", Errors("a = 1 // some text" + high));
    }

    [Fact]
    public void Lines_and_columns_stay_right_after_runs_of_whitespace_strings_and_comments()
    {
        const string Text = "a \t\r = `raw\r\ntext\n  more` // note\r\n\t\tb = \"x y z\" /* c\n d */ c\n";
        var positions = Scan(Text).Tokens
            .Where(t => t.Kind is AlloyToken.Ident or AlloyToken.String)
            .Select(t => $"{t.ToStringValue()}@{t.Span.Position.Line}:{t.Span.Position.Column}");
        Assert.Equal(["a@1:1", "`raw\r\ntext\n  more`@1:8", "b@4:3", "\"x y z\"@4:7", "c@5:7"], positions);
    }

    [Theory]
    [InlineData("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"")]
    [InlineData("\"\\x41\\101\\u00e9\\U0001F600\"")]
    public void Valid_escapes_raise_no_error(string text) => Assert.Equal(string.Empty, Errors(text));

    [Fact]
    public void Raw_strings_span_lines_and_keep_their_text() => Assert.Equal("STRING(`a\r\nb`) ⏎", Tokens("`a\r\nb`"));

    [Fact]
    public void Supplementary_characters_take_two_utf16_units()
    {
        var tokens = Scan("x = \"😀\" y").Tokens.ToArray();
        Assert.Equal(4, tokens[2].Span.Length);
        Assert.Equal(9, tokens[3].Span.Position.Absolute);
        Assert.Equal(10, tokens[3].Span.Position.Column);
    }

    [Fact]
    public void Token_positions_carry_lines_and_utf16_columns()
    {
        var tokens = Scan("a = 1\n\tbb = 2").Tokens.ToArray();
        var bb = tokens[4];
        Assert.Equal("bb", bb.ToStringValue());
        Assert.Equal((2, 2), (bb.Span.Position.Line, bb.Span.Position.Column));
    }

    [Fact]
    public void Superpower_tokenize_yields_comments_in_place_and_never_throws()
    {
        var tokens = AlloyTokenizer.Instance.Tokenize("a // c\n#").ToArray();
        Assert.Equal([AlloyToken.Ident, AlloyToken.Terminator, AlloyToken.Comment, AlloyToken.Illegal], tokens.Select(t => t.Kind));
    }

    [Theory]
    [InlineData("foo", true)]
    [InlineData("_1", true)]
    [InlineData("名前", true)]
    [InlineData("", false)]
    [InlineData("1abc", false)]
    [InlineData("with space", false)]
    [InlineData("x-y", false)]
    [InlineData("true", false)]
    [InlineData("a.b", false)]
    public void Valid_identifiers(string text, bool valid) => Assert.Equal(valid, Identifiers.IsValidIdentifier(text));
}
