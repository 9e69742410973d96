using System.Text;
using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Tests.Support;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using AlloyLint.TestSupport;
using Xunit;

namespace AlloyLint.Parser.Tests.Formatting;

/// <summary>
/// <see cref="AlloyFormatter.FindCanonicalChange"/> compares the formatter's output with the file while it is
/// printed; it must give exactly the edit found by comparing the file with <see cref="AlloyFormatter.FormatKeepingLineEndings"/>.
/// </summary>
public class CanonicalChangeTests
{
    [Theory]
    [InlineData(" a = 1\n", 0, 1, "")]
    [InlineData("\n\na = 1\n", 0, 2, "")]
    [InlineData("a=1\n", 1, 2, " = ")]
    [InlineData("a = 1\n\n\n", 6, 8, "")]
    [InlineData("a = 1", 5, 5, "\n")]
    [InlineData("a = 1\r\nb=2\r\n", 8, 9, " = ")]
    [InlineData("a = 1\r\nb = 2", 12, 12, "\r\n")]
    [InlineData("a = 1\nb = 2\r\nc = 3\r\n", 5, 5, "\r")]
    [InlineData("a = `x\ny`\r\nb = 1\r\n", 6, 6, "\r")]
    [InlineData("", 0, 0, "\n")]
    public void Difference_at_the_start_in_the_middle_and_at_the_end(string source, int start, int end, string replacement)
    {
        var change = AlloyFormatter.FindCanonicalChange(Parsed.Text(source));

        Assert.NotNull(change);
        Assert.Equal((start, end, replacement), (change.Span.Start, change.Span.End, change.Replacement));
        AssertSameAsComparingWholeText(source);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("a = `x\r\ny`\r\nb = 1\r\n")]
    [InlineData("a = `x\r\ny`\nb = 1\n")]
    public void No_change_for_a_canonical_file(string source)
    {
        Assert.Null(AlloyFormatter.FindCanonicalChange(Parsed.Text(source)));
        AssertSameAsComparingWholeText(source);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void File_much_larger_than_the_formatters_buffers(string newline)
    {
        var canonical = LargeCanonicalConfig().Replace("\n", newline, StringComparison.Ordinal);
        Assert.True(canonical.Length > 300_000);
        Assert.Null(AlloyFormatter.FindCanonicalChange(Parsed.Text(canonical)));

        var middle = canonical.IndexOf("attribute_750 ", StringComparison.Ordinal);
        string[] variants =
        [
            "  " + canonical,
            canonical[..middle] + " " + canonical[middle..],
            canonical[..^newline.Length],
            canonical + newline + newline,
            canonical.Replace(" = ", "=", StringComparison.Ordinal),
        ];
        foreach (var variant in variants)
        {
            Assert.NotNull(AlloyFormatter.FindCanonicalChange(Parsed.Text(variant)));
            AssertSameAsComparingWholeText(variant);
        }
    }

    [Theory]
    [InlineData("corpus")]
    [InlineData("mutations")]
    public void Same_edit_as_comparing_with_the_whole_formatted_text_on_the_conformance_files(string set)
    {
        var folder = SharedData.ConformancePath(set);
        var failures = new List<string>();
        foreach (var path in Directory.GetFiles(folder, "*.alloy", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(path));
            var lf = text.Replace("\r\n", "\n", StringComparison.Ordinal);
            foreach (var variant in new[] { text, lf, lf.Replace("\n", "\r\n", StringComparison.Ordinal) })
            {
                var tree = Parsed.Text(variant);
                if (!tree.HasErrors && !SameAsComparingWholeText(tree))
                {
                    failures.Add(Path.GetRelativePath(folder, path));
                }
            }
        }

        Assert.True(failures.Count == 0, "different edit for: " + string.Join(", ", failures.Distinct().Take(20)));
    }

    private static void AssertSameAsComparingWholeText(string source) =>
        Assert.True(SameAsComparingWholeText(Parsed.Text(source)), $"different edit for {source[..Math.Min(60, source.Length)]}");

    /// <summary>
    /// True when the edit is the one found by comparing with the whole formatted text, both for the file checked in
    /// one piece and in as many parts as it can be cut into (see <see cref="AlloyFormatter.PartLength"/>), and both
    /// for the text as decoded from a file (kept as its bytes when it is all ASCII) and as a string.
    /// </summary>
    private static bool SameAsComparingWholeText(SyntaxTree tree)
    {
        SyntaxTree[] trees = [tree, AlloyParser.Parse(SourceText.From(tree.Source.Text, tree.Source.Path))];
        return trees.All(each =>
            SameAsComparingWholeText(each, AlloyFormatter.FindCanonicalChange(each, partLength: int.MaxValue))
            && SameAsComparingWholeText(each, AlloyFormatter.FindCanonicalChange(each, partLength: 1)));
    }

    private static bool SameAsComparingWholeText(SyntaxTree tree, CanonicalChange? change)
    {
        var source = tree.Source.Text;
        var formatted = AlloyFormatter.FormatKeepingLineEndings(tree);
        if (source == formatted)
        {
            return change is null;
        }

        var prefix = source.AsSpan().CommonPrefixLength(formatted);
        var suffix = 0;
        while (suffix < Math.Min(source.Length, formatted.Length) - prefix && source[^(suffix + 1)] == formatted[^(suffix + 1)])
        {
            suffix++;
        }

        return change is not null
            && change.Span.Start == prefix
            && change.Span.End == source.Length - suffix
            && change.Replacement == formatted[prefix..^suffix];
    }

    /// <summary>
    /// About 350 KB of blocks, comments, aligned attributes, lists and objects; the printer hands on 16 K characters
    /// at a time.
    /// </summary>
    private static string LargeConfig()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 1500; i++)
        {
            builder.Append($$"""
                // component {{i}}
                prometheus.scrape "job_{{i}}" {
                  targets = [{"__address__" = "host-{{i}}:9090", "env" = "prod"},
                    {"__address__" = "other-{{i}}:9090"}]
                  forward_to = [prometheus.remote_write.default.receiver] // trailing
                  attribute_{{i}} = {{i}} * 2 + 1
                  scrape_interval = "15s"
                }

                """);
        }

        return builder.ToString();
    }

    private static string LargeCanonicalConfig() => AlloyFormatter.Format(Parsed.Text(LargeConfig()));
}
