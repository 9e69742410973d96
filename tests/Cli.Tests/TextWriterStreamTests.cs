using System.Text;
using AlloyLint.Cli.Reporting;
using Xunit;

namespace AlloyLint.Cli.Tests;

public class TextWriterStreamTests
{
    [Fact]
    public void Characters_split_between_writes_arrive_whole()
    {
        const string Text = "plain ASCII, é, ñ, 名前 and 😀 — then more than one buffer of it";
        var text = string.Concat(Enumerable.Repeat(Text, 200));
        var bytes = Encoding.UTF8.GetBytes(text);
        var output = new StringWriter();
        var stream = new TextWriterStream(output);

        // Pieces of 1 to 7 bytes cut through every multi-byte sequence somewhere.
        for (int offset = 0, size = 1; offset < bytes.Length; offset += size, size = size % 7 + 1)
        {
            stream.Write(bytes, offset, Math.Min(size, bytes.Length - offset));
        }

        Assert.Equal(text, output.ToString());
    }
}
