using System.Runtime.InteropServices;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Model;

/// <summary>
/// Shares the names and dotted text of identical name chains (a large configuration repeats
/// <c>prometheus.remote_write.default.receiver</c> thousands of times) and of identical attribute paths, so that
/// building the model allocates them once each. Used while one model is built, then dropped.
/// </summary>
internal sealed class NameChainTable
{
    private readonly Dictionary<string, NameChain> _chains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NameChain>.AlternateLookup<ReadOnlySpan<char>> _chainsByText;
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _pathsByText;
    private char[] _buffer = new char[256];

    public NameChainTable()
    {
        _chainsByText = _chains.GetAlternateLookup<ReadOnlySpan<char>>();
        _pathsByText = _paths.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The names and dotted text of <paramref name="expression"/> when it is a pure chain (an identifier followed by
    /// field accesses); null otherwise.
    /// </summary>
    public NameChain? Find(Expression expression)
    {
        var count = 0;
        var length = -1;
        var current = expression;
        while (current is AccessExpression access)
        {
            count++;
            length += access.Member.Name.Length + 1;
            current = access.Target;
        }

        if (current is not IdentifierExpression root)
        {
            return null;
        }

        count++;
        length += root.Name.Length + 1;
        var written = Buffer(length);
        var end = length;
        for (current = expression; current is AccessExpression access; current = access.Target)
        {
            end -= access.Member.Name.Length;
            access.Member.Name.CopyTo(written[end..]);
            written[--end] = '.';
        }

        root.Name.CopyTo(written);
        var key = written[..length];
        if (_chainsByText.TryGetValue(key, out var chain))
        {
            return chain;
        }

        var names = new string[count];
        var index = count;
        for (current = expression; current is AccessExpression access; current = access.Target)
        {
            names[--index] = access.Member.Name;
        }

        names[0] = root.Name;
        chain = new NameChain(key.ToString(), ImmutableCollectionsMarshal.AsImmutableArray(names));
        _chains.Add(chain.Text, chain);
        return chain;
    }

    /// <summary>The attribute path <c>PREFIX.NAME</c> (<paramref name="name"/> alone when the prefix is empty), shared between equal paths.</summary>
    public string Path(List<string> blockNames, string name)
    {
        if (blockNames.Count == 0)
        {
            return name;
        }

        var length = name.Length;
        foreach (var blockName in blockNames)
        {
            length += blockName.Length + 1;
        }

        var written = Buffer(length);
        var at = 0;
        foreach (var blockName in blockNames)
        {
            blockName.CopyTo(written[at..]);
            at += blockName.Length;
            written[at++] = '.';
        }

        name.CopyTo(written[at..]);
        var key = written[..length];
        if (_pathsByText.TryGetValue(key, out var path))
        {
            return path;
        }

        path = key.ToString();
        _paths.Add(path);
        return path;
    }

    private Span<char> Buffer(int length)
    {
        if (_buffer.Length < length)
        {
            _buffer = new char[Math.Max(length, _buffer.Length * 2)];
        }

        return _buffer;
    }
}
