using System.Collections.Immutable;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Model;

/// <summary>
/// One configuration as Alloy would load it: a single file, or several <c>*.alloy</c> files of one directory
/// loaded together. <see cref="RequestedTrees"/> are the files the user asked about; only findings in those are reported.
/// </summary>
public sealed class Configuration
{
    private readonly HashSet<SyntaxTree> _requested;
    private readonly Dictionary<Type, object> _shared = [];
    private readonly Lazy<SemanticModel> _model;

    public Configuration(IEnumerable<SyntaxTree> trees, IEnumerable<SyntaxTree> requested)
    {
        Trees = [.. trees.OrderBy(tree => tree.Source.Path, StringComparer.Ordinal)];
        _requested = [.. requested];
        _requested.IntersectWith(Trees);
        RequestedTrees = [.. Trees.Where(_requested.Contains)];
        _model = new(() => SemanticModel.Build(Trees));
    }

    /// <summary>The files, ordered by path.</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>The files asked about, ordered by path.</summary>
    public ImmutableArray<SyntaxTree> RequestedTrees { get; }

    /// <summary>
    /// The semantic model, built when a rule first asks (syntax rules and configurations with syntax errors need none);
    /// rules asking from several threads wait for the one that builds it.
    /// </summary>
    public SemanticModel Model => _model.Value;

    /// <summary>Whether a rule has asked for <see cref="Model"/> yet.</summary>
    internal bool HasBuiltModel => _model.IsValueCreated;

    public bool HasSyntaxErrors => Trees.Any(tree => tree.HasErrors);

    public bool IsRequested(SyntaxTree tree) => _requested.Contains(tree);

    /// <summary>
    /// This configuration with each of <paramref name="rewritten"/> in place of the file of the same path (requested if
    /// that one was): how the fixer sees the files it has rewritten among the same siblings, without reading or
    /// grouping them again.
    /// </summary>
    /// <exception cref="ArgumentException">No file of this configuration has the path of one of the trees.</exception>
    public Configuration Replacing(params IEnumerable<SyntaxTree> rewritten)
    {
        var byPath = rewritten.ToDictionary(tree => tree.Source.Path, StringComparer.Ordinal);
        var replaced = new Dictionary<SyntaxTree, SyntaxTree>();
        foreach (var file in Trees)
        {
            if (byPath.Remove(file.Source.Path, out var tree))
            {
                replaced[file] = tree;
            }
        }

        if (byPath.Count > 0)
        {
            throw new ArgumentException($"{byPath.Keys.First()} is not a file of this configuration.", nameof(rewritten));
        }

        SyntaxTree Current(SyntaxTree file) => replaced.GetValueOrDefault(file, file);
        return new Configuration(Trees.Select(Current), RequestedTrees.Select(Current));
    }

    /// <summary>
    /// What several rules derive from this configuration, worked out by the first that asks and reused by the others
    /// (one value per type). Rules may ask from several threads: the first creates the value while the others wait.
    /// </summary>
    public T Shared<T>(Func<Configuration, T> create)
        where T : class
    {
        lock (_shared)
        {
            if (!_shared.TryGetValue(typeof(T), out var value))
            {
                value = create(this);
                _shared[typeof(T)] = value;
            }

            return (T)value;
        }
    }
}

/// <summary>
/// Splits the files of one directory into configurations (mode <c>auto</c>): files that reference each other's
/// components, custom components (<c>declare</c>) or import namespaces, directly or through a chain, form one
/// configuration; every other file is its own.
/// </summary>
public static class ConfigurationGrouper
{
    public static IReadOnlyList<IReadOnlyList<SyntaxTree>> GroupByReferences(IReadOnlyList<SyntaxTree> siblings)
    {
        if (siblings.Count == 1)
        {
            // Nothing to group: skip building a model of the (possibly large) file only to throw it away.
            return [siblings];
        }

        var index = new Dictionary<SyntaxTree, int>();
        for (var i = 0; i < siblings.Count; i++)
        {
            index[siblings[i]] = i;
        }

        var parent = Enumerable.Range(0, siblings.Count).ToArray();
        var model = SemanticModel.Build(siblings);
        foreach (var reference in model.References)
        {
            if (reference.Component is { } component)
            {
                Union(parent, index[reference.Tree], index[component.Tree]);
            }
        }

        foreach (var component in model.AllBlocks.OfType<ComponentInstance>())
        {
            foreach (var definition in new[] { component.Declaration, component.Import })
            {
                if (definition is not null)
                {
                    Union(parent, index[component.Tree], index[definition.Tree]);
                }
            }
        }

        return siblings
            .GroupBy(tree => Find(parent, index[tree]))
            .Select(group => (IReadOnlyList<SyntaxTree>)[.. group])
            .ToList();
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b) => parent[Find(parent, a)] = Find(parent, b);
}
