using AlloyLint.Parser.Text;

namespace AlloyLint.Parser.Formatting;

/// <summary>
/// Compares formatted text with the part of the source it was formatted from (<paramref name="start"/> to
/// <paramref name="end"/>) as the text arrives. Matching output is not kept; from the first difference on, the
/// output is kept to build the replacement.
/// </summary>
internal sealed class CanonicalComparison(SourceText source, int start, int end) : ITextSink
{
    private const int SuffixBlock = 64;

    // Length of the common prefix of the source part and the output.
    private int _matched;

    // The output from the first difference on; null while the output matches the source.
    private CharBuffer? _rest;

    public int Start => start;

    public int End => end;

    public void Write(ReadOnlySpan<char> text)
    {
        if (_rest is null)
        {
            var common = source.CommonPrefixLength(start + _matched, text[..Math.Min(text.Length, end - start - _matched)]);
            _matched += common;
            if (common == text.Length)
            {
                return;
            }

            text = text[common..];
            var unmatchedSource = end - start - _matched;
            _rest = new CharBuffer(Math.Max(text.Length, unmatchedSource + unmatchedSource / 8 + 64));
        }

        _rest.Append(text);
    }

    /// <summary>
    /// The edit from the first to the last difference between the source and the output of <paramref name="parts"/>,
    /// once all output arrived; null when there is none. The parts cover the source in order, and the canonical text
    /// between two of them is <paramref name="gap"/>.
    /// </summary>
    public static CanonicalChange? Change(SourceText source, IReadOnlyList<CanonicalComparison> parts, string gap)
    {
        // The output from the first difference on, in pieces: the parts' kept output, the source text a part matched
        // after the first difference, and the gaps.
        var pieces = new List<ReadOnlyMemory<char>>();
        var firstDifference = -1;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (firstDifference >= 0)
            {
                pieces.Add(source[new TextSpan(part.Start, part._matched)].AsMemory());
            }
            else if (part._rest is not null || part._matched < part.End - part.Start)
            {
                firstDifference = part.Start + part._matched;
            }

            if (part._rest is not null)
            {
                pieces.Add(part._rest.Written);
            }

            if (i + 1 == parts.Count)
            {
                break;
            }

            if (firstDifference >= 0)
            {
                pieces.Add(gap.AsMemory());
                continue;
            }

            var sourceGap = source[TextSpan.FromBounds(part.End, parts[i + 1].Start)].AsSpan();
            var common = sourceGap.CommonPrefixLength(gap);
            if (common < gap.Length || sourceGap.Length != gap.Length)
            {
                firstDifference = part.End + common;
                pieces.Add(gap.AsMemory(common));
            }
        }

        if (firstDifference < 0)
        {
            return null;
        }

        // Trim what the output and the source have in common at their ends, piece by piece from the last.
        var outputLength = pieces.Sum(piece => piece.Length);
        var suffix = 0;
        for (var i = pieces.Count - 1; i >= 0; i--)
        {
            var piece = pieces[i].Span;
            var common = CommonSuffixLength(source, firstDifference, source.Length - suffix, piece);
            suffix += common;
            if (common < piece.Length)
            {
                break;
            }
        }

        var replacement = string.Create(outputLength - suffix, pieces, static (text, pieces) =>
        {
            foreach (var piece in pieces)
            {
                var length = Math.Min(piece.Length, text.Length);
                piece.Span[..length].CopyTo(text);
                text = text[length..];
            }
        });
        return new CanonicalChange(TextSpan.FromBounds(firstDifference, source.Length - suffix), replacement);
    }

    /// <summary>How many characters the source from <paramref name="start"/> to <paramref name="end"/> and <paramref name="output"/> end with in common.</summary>
    private static int CommonSuffixLength(SourceText source, int start, int end, ReadOnlySpan<char> output)
    {
        Span<char> scratch = stackalloc char[SuffixBlock];
        var limit = Math.Min(end - start, output.Length);
        var length = 0;
        while (length < limit)
        {
            var block = Math.Min(SuffixBlock, limit - length);
            var ours = source.Chars(end - length - block, scratch)[..block];
            var theirs = output[^(length + block)..^length];
            if (!ours.SequenceEqual(theirs))
            {
                // They differ, so this stops within the block.
                var common = 0;
                while (ours[^(common + 1)] == theirs[^(common + 1)])
                {
                    common++;
                }

                return length + common;
            }

            length += block;
        }

        return length;
    }
}
