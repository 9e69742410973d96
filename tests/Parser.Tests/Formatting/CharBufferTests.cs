using AlloyLint.Parser.Formatting;
using Xunit;

namespace AlloyLint.Parser.Tests.Formatting;

public class CharBufferTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Keeps_what_was_appended_as_it_grows_past_its_first_capacity(bool fromPool)
    {
        var buffer = new CharBuffer(16, fromPool);
        var expected = new System.Text.StringBuilder();
        for (var i = 0; i < 100; i++)
        {
            buffer.Append($"item {i};");
            buffer.Append('-', i % 3);
            expected.Append($"item {i};").Append('-', i % 3);
        }

        Assert.Equal(expected.ToString(), buffer.Chars.ToString());
        Assert.Equal(expected.ToString(), buffer.Written.ToString());
    }

    [Fact]
    public void A_pooled_buffer_given_back_is_empty()
    {
        var buffer = new CharBuffer(16, fromPool: true);
        buffer.Append("text");
        buffer.ReturnToPool();
        Assert.Equal(0, buffer.Length);
        Assert.True(buffer.Chars.IsEmpty);
    }
}
