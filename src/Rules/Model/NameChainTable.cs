using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Model;

/// <summary>
/// Shares the names of identical name chains (a large configuration repeats <c>prometheus.remote_write.default.receiver</c>
/// thousands of times) and identical attribute paths, so that building the model allocates them once each. Used while
/// one model is built, then dropped.
/// </summary>
internal sealed class NameChainTable
{
    private readonly HashSet<NameChain> _chains = new(NameChainComparer.Instance);
    private readonly HashSet<NameChain>.AlternateLookup<Expression> _chainsByExpression;
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _pathsByText;
    private char[] _buffer = new char[256];

    public NameChainTable()
    {
        _chainsByExpression = _chains.GetAlternateLookup<Expression>();
        _pathsByText = _paths.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The chain <paramref name="expression"/> writes when it is a pure chain (an identifier followed by field
    /// accesses), shared with the equal chains found before; null otherwise.
    /// </summary>
    public NameChain? Find(Expression expression)
    {
        var current = expression;
        while (current is AccessExpression access)
        {
            current = access.Target;
        }

        if (current is not IdentifierExpression)
        {
            return null;
        }

        if (!_chainsByExpression.TryGetValue(expression, out var chain))
        {
            chain = NameChain.Of(expression);
            _chains.Add(chain);
        }

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
