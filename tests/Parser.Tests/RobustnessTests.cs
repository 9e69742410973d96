using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using Xunit;

namespace AlloyLint.Parser.Tests;

/// <summary>Arbitrary bytes never make the parser throw, and everything it reports lies inside the text.</summary>
public class RobustnessTests
{
    private const string Seed = """
        // Metrics pipeline.
        prometheus.scrape "default" {
          targets    = [{"__address__" = "localhost:9090"}, {__address__ = `raw`}]
          forward_to = [prometheus.remote_write.default.receiver]
          interval   = -1.5e3 * (2 + x[0].y) ^ 2 || !true && null == f(1, "s\n",)
        }
        /* block
           comment */ logging { level = "debug" }
        """;

    private static readonly byte[] Interesting = "{}[]()\"`'\\/*\n\r\t .,=!<>|&#\0"u8.ToArray();

    [Fact]
    public void Random_edits_never_throw_and_stay_within_the_text()
    {
        var random = new Random(20261127);
        var original = System.Text.Encoding.UTF8.GetBytes(Seed);
        for (var round = 0; round < 3000; round++)
        {
            var bytes = original.ToList();
            for (var edit = random.Next(1, 6); edit > 0; edit--)
            {
                var at = random.Next(bytes.Count + 1);
                var value = random.Next(4) == 0 ? (byte)random.Next(256) : Interesting[random.Next(Interesting.Length)];
                switch (random.Next(3))
                {
                    case 0 when at < bytes.Count:
                        bytes.RemoveAt(at);
                        break;
                    case 1 when at < bytes.Count:
                        bytes[at] = value;
                        break;
                    default:
                        bytes.Insert(at, value);
                        break;
                }
            }

            var source = SourceText.Decode(bytes.ToArray(), "fuzz.alloy");
            var tree = AlloyParser.Parse(source);
            Assert.All(tree.Diagnostics, d => Assert.InRange(d.Span.End, d.Span.Start, source.Length));
            Assert.All(tree.Root.Descendants(), node => Assert.InRange(node.Span.End, node.Span.Start, source.Length));
            Assert.All(tree.Comments, c => Assert.InRange(c.Span.End, c.Span.Start, source.Length));
            Assert.Equal(tree.Comments.Length, tree.CommentGroups.Sum(group => group.Length));
        }
    }
}
