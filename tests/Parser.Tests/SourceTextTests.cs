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
}
