using System.Text;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Tests.Support;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Parser.Tests;

/// <summary>
/// A large file is parsed in segments that start at guessed statement boundaries. Whatever the guesses, the tree,
/// comments and errors must be exactly those of parsing the file in one piece.
/// </summary>
public class SegmentedParseTests
{
    /// <summary>Segment lengths that cut files at nearly every line starting with a letter, and less often.</summary>
    public static TheoryData<int> SegmentLengths => [1, 40, 300];

    [Theory]
    [MemberData(nameof(SegmentLengths))]
    public void Guesses_inside_blocks_strings_and_comments_change_nothing(int segmentLength)
    {
        const string text = """
            // top
            a = 1
            block "x" {
            inner = [
            b,
            ]
            }
            raw = `
            looks_like = "a statement"
            `
            /*
            commented = out
            */
            last { x = 1 }
            """;

        AssertSameAsWhole(text, segmentLength);
    }

    [Theory]
    [MemberData(nameof(SegmentLengths))]
    public void Errors_in_a_late_segment_are_upstreams(int segmentLength)
    {
        var text = new StringBuilder();
        for (var i = 0; i < 50; i++)
        {
            text.Append($"block \"b{i}\" {{\n\tvalue = {i}\n}}\n\n");
        }

        text.Append("broken = = 1 2\nnext \"n\" {\n\tv = [1, 2\n}\n");
        for (var i = 0; i < 20; i++)
        {
            text.Append($"after_{i} = {i}\n");
        }

        var tree = AssertSameAsWhole(text.ToString(), segmentLength);
        Assert.True(tree.HasErrors);
    }

    [Theory]
    [MemberData(nameof(SegmentLengths))]
    public void Comment_groups_are_kept_across_segments(int segmentLength)
    {
        const string text = """
            // one
            // group
            a = 1
            // another
            b = 2 // trailing

            // third
            c = 3
            """;

        var tree = AssertSameAsWhole(text, segmentLength);
        Assert.Equal([2, 1, 1, 1], tree.CommentGroups.Select(group => group.Length));
    }

    [Fact]
    public void A_byte_order_mark_inside_a_later_segment_stays_illegal()
    {
        var tree = AssertSameAsWhole("a = 1\nb = 2\n\uFEFFc = 3\n", segmentLength: 1);
        Assert.True(tree.HasErrors);
    }

    [Fact]
    public void Bundled_examples_parse_the_same_in_segments()
    {
        var files = Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "examples"), "*.alloy", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            foreach (var segmentLength in new[] { 1, 40, 300 })
            {
                AssertSameAsWhole(Encoding.UTF8.GetString(File.ReadAllBytes(file)), segmentLength, file);
            }
        }
    }

    [Theory]
    [InlineData("corpus")]
    [InlineData("mutations")]
    public void Conformance_files_parse_the_same_in_segments(string set)
    {
        var files = Directory.GetFiles(Path.Combine(SharedData.ConformancePath(set), "files"));
        Assert.True(files.Length > 100, $"{set}: too few files");
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var whole = Dump(AlloyParser.Parse(SourceText.Decode(bytes, file), int.MaxValue));
            Assert.Equal(whole, Dump(AlloyParser.Parse(SourceText.Decode(bytes, file), segmentLength: 1)));
        }
    }

    private static SyntaxTree AssertSameAsWhole(string text, int segmentLength, string path = "input.alloy")
    {
        var whole = Dump(AlloyParser.Parse(SourceText.From(text, path), int.MaxValue));
        var segmented = AlloyParser.Parse(SourceText.From(text, path), segmentLength);
        Assert.Equal(whole, Dump(segmented));
        if (!text.AsSpan().ContainsAnyExceptInRange('\0', '\u00FF'))
        {
            // The same from the file's UTF-8, as which a file of Latin-1 characters is kept a byte per character.
            var fromBytes = SourceText.Decode(Encoding.UTF8.GetBytes(text), path);
            Assert.Equal(whole, Dump(AlloyParser.Parse(fromBytes, segmentLength)));
            Assert.False(fromBytes.HasString);
        }

        return segmented;
    }

    /// <summary>Everything a parse yields: the tree's shape with every node's span, the comment groups and the errors.</summary>
    private static string Dump(SyntaxTree tree)
    {
        var dump = new StringBuilder(OracleAst.File(tree).ToJsonString()).Append('\n');
        foreach (var node in tree.Root.Descendants())
        {
            dump.Append(node.GetType().Name).Append(' ').Append(node.Span).Append('\n');
            if (node is BlockStatement block)
            {
                dump.Append("  name ").Append(block.NameSpan).Append(" label ").Append(block.Label?.Span)
                    .Append(" braces ").Append(block.OpenBrace).Append(block.CloseBrace).Append(" body ").Append(block.Body.Span).Append('\n');
            }
        }

        foreach (var comment in tree.Comments)
        {
            dump.Append("comment ").Append(comment).Append('\n');
        }

        foreach (var diagnostic in tree.Diagnostics)
        {
            dump.Append("error ").Append(diagnostic.Span).Append(' ').Append(diagnostic.Message).Append('\n');
        }

        return dump.ToString();
    }
}
