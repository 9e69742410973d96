namespace AlloyLint.Rules.Model;

/// <summary>
/// FNV-1a hashing of text given in pieces: hashing <c>a</c>, then <c>.</c>, then <c>b</c> gives the hash of <c>a.b</c>,
/// so that IDs and name chains are hashed from their names without joining them, and in line, where
/// <see cref="string.GetHashCode()"/> costs a call and a setup per name.
/// </summary>
internal static class TextHash
{
    public const uint Start = 2166136261;

    public static uint Add(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var character in text)
        {
            hash = Add(hash, character);
        }

        return hash;
    }

    public static uint Add(uint hash, char character) => (hash ^ character) * 16777619;
}
