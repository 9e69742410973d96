using System.Text;
using AlloyLint.Parser.Text;
using Xunit;

namespace AlloyLint.Parser.Tests;

public sealed class SourceTextTests
{
    // One- to four-byte characters in an 8-byte run: wherever a large text is cut into pieces, some cut falls on
    // each byte of a character for one of the 16 shifts below.
    private const string MixedRun = "aé😀\n";

    [Fact]
    public void DecodesALargeTextInPiecesAsAWhole()
    {
        var body = string.Concat(Enumerable.Repeat(MixedRun, SourceText.ParallelDecodeThreshold * 3 / 8));
        for (var shift = 0; shift < 16; shift++)
        {
            var text = new string('x', shift) + body;

            var source = SourceText.Decode(Encoding.UTF8.GetBytes(text), "large.alloy");

            Assert.Equal(text, source.Text);
            Assert.Empty(source.InvalidUtf8Offsets);
        }
    }

    [Fact]
    public void RecordsAnInvalidByteInALargeText()
    {
        var body = string.Concat(Enumerable.Repeat(MixedRun, SourceText.ParallelDecodeThreshold * 3 / 8));
        var bytes = Encoding.UTF8.GetBytes(body);
        var invalidAt = bytes.Length - 8;
        bytes[invalidAt] = 0xFF;

        var source = SourceText.Decode([.. "\uFEFF"u8, .. bytes], "large.alloy");

        var charOffset = Encoding.UTF8.GetCharCount(bytes, 0, invalidAt);
        Assert.Equal([charOffset], source.InvalidUtf8Offsets);
        Assert.Equal(body[..charOffset] + "\uFFFD" + body[(charOffset + 1)..], source.Text);
        Assert.True(source.HasBom);
    }

    [Fact]
    public void KeepsALatin1FileAByteACharacterAndAnyOtherAsAString()
    {
        var ascii = SourceText.Decode("a = 1\n"u8, "a.alloy");
        var latin1 = SourceText.Decode(Encoding.UTF8.GetBytes("a = \"café ÿ\"\n"), "b.alloy");
        var other = SourceText.Decode(Encoding.UTF8.GetBytes("a = \"5 €\"\n"), "c.alloy");

        Assert.False(ascii.HasString);
        Assert.False(latin1.HasString);
        Assert.True(other.HasString);
        Assert.Equal("a = \"café ÿ\"\n", latin1.Text);
        Assert.Equal(14, latin1.Lines.GetUtf8Column(11));
        Assert.True(latin1.HasString);
    }

    /// <summary>
    /// Every way of reading the text gives the same from a file kept a byte per character as from the same text as a
    /// string, without making the bytes' string.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ReadsTheSameFromAsciiBytesAsFromAString(int seed)
    {
        var random = new Random(seed);
        Span<char> scratch = stackalloc char[7];
        for (var round = 0; round < 200; round++)
        {
            var alphabet = round % 2 == 0 ? "ab =\t \r\n{}\"" : "ab =\t \r\n{}\"é\u0080ÿ";
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 600)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            var bytes = SourceText.Decode(Encoding.UTF8.GetBytes(text), "bytes.alloy");
            var chars = SourceText.From(text, "chars.alloy");
            var start = random.Next(0, text.Length + 1);
            var span = TextSpan.FromBounds(start, random.Next(start, text.Length + 1));
            var other = text.Substring(start, random.Next(0, text.Length - start + 1)) + (random.Next(2) == 0 ? "x" : string.Empty);
            var copied = new char[span.Length];

            Assert.Equal(text.Length, bytes.Length);
            Assert.Equal(chars.LineEnding, bytes.LineEnding);
            Assert.Equal(chars[span], bytes[span]);
            Assert.Equal(chars[start..], bytes[start..]);
            Assert.Equal(chars.IndexOf('\n', start), bytes.IndexOf('\n', start));
            Assert.Equal(chars.IndexOf('é', start), bytes.IndexOf('é', start));
            Assert.Equal(chars.IndexOf('€', start), bytes.IndexOf('€', start));
            Assert.Equal(chars.IndexOfAny('\r', '}', start), bytes.IndexOfAny('\r', '}', start));
            Assert.Equal(chars.IndexOfAny('é', '{', start), bytes.IndexOfAny('é', '{', start));
            Assert.Equal(chars.IndexOfAny('€', '{', start), bytes.IndexOfAny('€', '{', start));
            Assert.Equal(chars.Contains('ÿ'), bytes.Contains('ÿ'));
            Assert.Equal(chars.Contains('"'), bytes.Contains('"'));
            Assert.Equal(chars.ConsistsOf(span, " \t\r\n"), bytes.ConsistsOf(span, " \t\r\n"));
            Assert.Equal(chars.CommonPrefixLength(start, other), bytes.CommonPrefixLength(start, other));
            Assert.Equal(chars.EndOfContent(), bytes.EndOfContent());
            Assert.Equal(chars.Utf8ByteCount(span), bytes.Utf8ByteCount(span));
            Assert.Equal(chars.Lines.GetPosition(start), bytes.Lines.GetPosition(start));
            Assert.Equal(chars.Lines.GetUtf8Column(start), bytes.Lines.GetUtf8Column(start));
            Assert.Equal(chars.Lines.LineText(bytes.Lines.GetLine(start)), bytes.Lines.LineText(bytes.Lines.GetLine(start)));
            Assert.StartsWith(bytes.Chars(start, scratch).ToString(), text[start..], StringComparison.Ordinal);
            bytes.CopyTo(span.Start, copied);
            Assert.Equal(text.Substring(span.Start, span.Length), new string(copied));
            Assert.False(bytes.HasString);
        }
    }

    [Fact]
    public void MakesOneLineMapWhenThreadsAskForItAtOnce()
    {
        var source = SourceText.Decode(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("a = 1\n", 200_000))), "large.alloy");
        var maps = new LineMap[4];
        using var start = new Barrier(maps.Length);
        var threads = Enumerable.Range(0, maps.Length).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            maps[i] = source.Lines;
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.All(maps, map => Assert.Same(maps[0], map));
        Assert.Equal(200_001, maps[0].LineCount);
    }
}
