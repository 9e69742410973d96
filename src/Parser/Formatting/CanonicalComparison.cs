using AlloyLint.Parser.Text;

namespace AlloyLint.Parser.Formatting;

/// <summary>
/// Compares formatted text with the source it was formatted from as the text arrives. Matching output is not
/// kept; from the first difference on, the output is kept to build the replacement.
/// </summary>
internal sealed class CanonicalComparison(string source) : ITextSink
{
    private const int SuffixBlock = 64;

    // Length of the common prefix of the source and the output.
    private int _matched;

    // The output from the first difference on; null while the output matches the source.
    private CharBuffer? _rest;

    public void Write(ReadOnlySpan<char> text)
    {
        if (_rest is null)
        {
            var common = text.CommonPrefixLength(source.AsSpan(_matched));
            _matched += common;
            if (common == text.Length)
            {
                return;
            }

            text = text[common..];
            var unmatchedSource = source.Length - _matched;
            _rest = new CharBuffer(Math.Max(text.Length, unmatchedSource + unmatchedSource / 8 + 64));
        }

        _rest.Append(text);
    }

    /// <summary>The edit from the first to the last difference, once all output arrived; null when there is none.</summary>
    public CanonicalChange? Change()
    {
        if (_rest is null)
        {
            return _matched == source.Length
                ? null
                : new CanonicalChange(TextSpan.FromBounds(_matched, source.Length), string.Empty);
        }

        ReadOnlySpan<char> rest = _rest.Chars;
        var suffix = CommonSuffixLength(source.AsSpan(_matched), rest);
        return new CanonicalChange(TextSpan.FromBounds(_matched, source.Length - suffix), new string(rest[..^suffix]));
    }

    private static int CommonSuffixLength(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var limit = Math.Min(left.Length, right.Length);
        var length = 0;
        while (length + SuffixBlock <= limit
               && left[^(length + SuffixBlock)..^length].SequenceEqual(right[^(length + SuffixBlock)..^length]))
        {
            length += SuffixBlock;
        }

        while (length < limit && left[^(length + 1)] == right[^(length + 1)])
        {
            length++;
        }

        return length;
    }
}
