namespace AlloyLint.Parser.Parsing;

/// <summary>
/// Hands out one string per distinct short token text (names, small literals repeat a lot in configs), so a parse
/// allocates each such string once rather than once per occurrence.
/// </summary>
internal sealed class NameTable
{
    private const int MaxInternedLength = 64;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameTable() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxInternedLength)
        {
            return text.ToString();
        }

        if (!_lookup.TryGetValue(text, out var value))
        {
            value = text.ToString();
            _strings.Add(value, value);
        }

        return value;
    }
}
