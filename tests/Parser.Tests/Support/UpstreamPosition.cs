using System.Text;
using AlloyLint.Parser.Text;

namespace AlloyLint.Parser.Tests.Support;

/// <summary>
/// Converts our UTF-16 offsets to upstream's positions: byte offsets into the original file (a BOM counted, each
/// invalid byte one byte although we hold it as a 3-byte U+FFFD) and 1-based byte columns.
/// </summary>
internal static class UpstreamPosition
{
    public static int ByteOffset(SourceText source, int offset)
    {
        var invalidBefore = source.InvalidUtf8Offsets.Count(invalid => invalid < offset);
        return (source.HasBom ? 3 : 0) + Encoding.UTF8.GetByteCount(source.Text.AsSpan(0, offset)) - (2 * invalidBefore);
    }

    /// <summary>"line:column" with the column in bytes, as upstream prints positions.</summary>
    public static string LineColumn(SourceText source, int offset)
    {
        var line = source.Lines.GetLine(offset);
        var lineStart = line == 1 ? 0 : ByteOffset(source, source.Lines.LineStart(line));
        return $"{line}:{ByteOffset(source, offset) - lineStart + 1}";
    }
}
