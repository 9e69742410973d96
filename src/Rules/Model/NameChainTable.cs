using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Model;

/// <summary>
/// Shares identical name chains written in attributes of the same path (a large configuration repeats
/// <c>forward_to = [prometheus.remote_write.default.receiver]</c> thousands of times) and identical attribute paths, so
/// that building the model allocates them once each. Used while one model is built, then dropped.
/// </summary>
internal sealed class NameChainTable
{
    // The chains in an open-addressed table with their hash codes, at most half full: a chain is hashed once, from the
    // expression that writes it, whether it is found or added (a HashSet would hash a new chain again to add it), and
    // its names are hashed in line (TextHash) rather than through a comparer's interface.
    private NameChain?[] _chains = new NameChain?[64];
    private int[] _chainHashes = new int[64];
    private int _chainCount;

    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _pathsByText;
    private char[] _buffer = new char[256];

    public NameChainTable()
    {
        _pathsByText = _paths.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The chain <paramref name="expression"/> writes in the attribute at <paramref name="attributePath"/> when it is a
    /// pure chain (see <see cref="NameChain.IsChain"/>), shared with the equal chains found before in attributes of that
    /// path; null otherwise.
    /// </summary>
    public NameChain? Find(Expression expression, string attributePath) =>
        NameChain.IsChain(expression) ? FindChain(expression, attributePath) : null;

    /// <summary>As <see cref="Find"/>, for an expression known to be a pure chain.</summary>
    public NameChain FindChain(Expression expression, string attributePath)
    {
        var hash = Hash(expression, attributePath);
        var mask = _chains.Length - 1;
        var slot = hash & mask;
        for (; _chains[slot] is { } chain; slot = (slot + 1) & mask)
        {
            if (_chainHashes[slot] == hash && chain.IsWrittenBy(expression) && (ReferenceEquals(chain.AttributePath, attributePath) || chain.AttributePath == attributePath))
            {
                return chain;
            }
        }

        var added = NameChain.Of(expression, attributePath);
        (_chains[slot], _chainHashes[slot]) = (added, hash);
        if (++_chainCount * 2 > _chains.Length)
        {
            Grow();
        }

        return added;
    }

    /// <summary>
    /// A hash of the chain's names, last to first, each ended by a dot (so that "ab.c" and "a.bc" differ), and of the
    /// attribute path's length and ends (a chain is written in few paths), mixed so that its low bits pick a slot.
    /// </summary>
    private static int Hash(Expression expression, string attributePath)
    {
        var hash = TextHash.Start;
        var current = expression;
        for (; current is AccessExpression access; current = access.Target)
        {
            hash = TextHash.Add(TextHash.Add(hash, access.Member.Name), '.');
        }

        hash = TextHash.Add(TextHash.Add(hash, ((IdentifierExpression)current).Name), '.');
        if (attributePath.Length > 0)
        {
            hash = TextHash.Add(TextHash.Add(hash, attributePath[0]), attributePath[^1]) ^ (uint)attributePath.Length;
        }

        hash ^= hash >> 15;
        hash *= 0x2c1b3c6d;
        hash ^= hash >> 12;
        return (int)(hash & int.MaxValue);
    }

    private void Grow()
    {
        var (chains, hashes) = (_chains, _chainHashes);
        (_chains, _chainHashes) = (new NameChain?[chains.Length * 2], new int[chains.Length * 2]);
        var mask = _chains.Length - 1;
        for (var i = 0; i < chains.Length; i++)
        {
            if (chains[i] is not { } chain)
            {
                continue;
            }

            var slot = hashes[i] & mask;
            while (_chains[slot] is not null)
            {
                slot = (slot + 1) & mask;
            }

            (_chains[slot], _chainHashes[slot]) = (chain, hashes[i]);
        }
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
