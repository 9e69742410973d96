using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Model;

public enum ScopeKind
{
    /// <summary>The top level of the configuration's files.</summary>
    Root,

    /// <summary>The body of a <c>declare</c> block: a module of its own, which cannot see the components around it.</summary>
    Declare,

    /// <summary>The <c>template</c> of a <c>foreach</c> block: sees its variable and the scopes around it.</summary>
    ForeachTemplate,
}

/// <summary>Where names resolve: the components, custom component definitions, imports and arguments visible at one level.</summary>
public sealed class Scope
{
    private readonly List<ComponentInstance> _components;
    private readonly List<ConfigBlock> _configBlocks = [];

    /// <summary>The config blocks by name, in order, and the first of each name and label: null while there is none.</summary>
    private Dictionary<string, List<ConfigBlock>>? _configBlocksByName;
    private Dictionary<(string Name, string Label), ConfigBlock>? _firstConfigBlock;

    /// <summary>The first <c>import.*</c> block of each namespace (its label); null while there is none.</summary>
    private Dictionary<string, ConfigBlock>? _firstImport;

    /// <summary>The first component declared with each ID.</summary>
    private readonly HashSet<ComponentInstance> _firstById;
    private readonly HashSet<ComponentInstance>.AlternateLookup<ReadOnlySpan<char>> _firstByIdText;

    /// <summary>For an ID declared more than once: all its components in order, by the first one; null while there is none.</summary>
    private Dictionary<ComponentInstance, List<ComponentInstance>>? _sameId;

    /// <param name="expectedComponents">How many components the scope will likely hold, so that its lists need not grow by doubling.</param>
    internal Scope(ScopeKind kind, Scope? parent, ConfigBlock? owner, int expectedComponents = 0)
    {
        Kind = kind;
        Parent = parent;
        Owner = owner;
        _components = new(expectedComponents);
        _firstById = new(expectedComponents, BlockIdComparer<ComponentInstance>.Instance);
        _firstByIdText = _firstById.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public ScopeKind Kind { get; }

    /// <summary>The enclosing scope; null for the root.</summary>
    public Scope? Parent { get; }

    /// <summary>
    /// The next scope outwards whose components this one sees: components are visible through <c>foreach</c>
    /// templates, but a <c>declare</c> body sees only its own.
    /// </summary>
    internal Scope? OuterComponentScope => Kind == ScopeKind.Declare ? null : Parent;

    /// <summary>The <c>declare</c> or <c>foreach</c> block that opens this scope; null for the root.</summary>
    public ConfigBlock? Owner { get; }

    public ReadOnlyListView<ComponentInstance> Components => new(_components);

    public ReadOnlyListView<ConfigBlock> ConfigBlocks => new(_configBlocks);

    /// <summary>For a foreach template: the name given by the foreach's <c>var</c>.</summary>
    public string? ForeachVariable { get; internal set; }

    public IReadOnlyList<ConfigBlock> ConfigBlocksNamed(string name) =>
        _configBlocksByName?.GetValueOrDefault(name) is { } named ? named : [];

    /// <summary>The <c>argument</c> block called <paramref name="name"/> in this declare scope.</summary>
    public ConfigBlock? FindArgument(string name) => FindConfigBlock("argument", name);

    /// <summary>
    /// Whether two labeled blocks of this scope may have the same ID: some of its components share one, or it holds a
    /// labeled configuration block (those are not grouped by ID). When false there is no duplicate to look for.
    /// </summary>
    internal bool MayHoldDuplicateIds => _sameId is not null || _firstConfigBlock is not null;

    /// <summary>The components with this ID (<c>name.label</c>) declared directly in this scope; several when duplicated.</summary>
    public IReadOnlyList<ComponentInstance> ComponentsWithId(string id) =>
        !_firstByIdText.TryGetValue(id, out var first) ? [] : _sameId?.GetValueOrDefault(first) ?? [first];

    /// <summary>
    /// The component with this ID declared directly in this scope, or null; when the ID is duplicated, the first one
    /// declared in <paramref name="tree"/>, else the first one.
    /// </summary>
    internal ComponentInstance? ComponentWithId(ReadOnlySpan<char> id, SyntaxTree tree)
    {
        if (!_firstByIdText.TryGetValue(id, out var first))
        {
            return null;
        }

        if (_sameId?.GetValueOrDefault(first) is { } all)
        {
            foreach (var component in all)
            {
                if (ReferenceEquals(component.Tree, tree))
                {
                    return component;
                }
            }
        }

        return first;
    }

    /// <summary>The <c>declare</c> block defining the custom component <paramref name="name"/>, looking outwards.</summary>
    public ConfigBlock? FindDeclaration(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.FindConfigBlock("declare", name) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The <c>import.*</c> block whose namespace label is <paramref name="namespaceName"/>, looking outwards.</summary>
    public ConfigBlock? FindImport(ReadOnlySpan<char> namespaceName)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._firstImport?.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(namespaceName, out var found) == true)
            {
                return found;
            }
        }

        return null;
    }

    internal void Add(ComponentInstance component)
    {
        _components.Add(component);
        if (_firstById.Add(component))
        {
            return;
        }

        _firstById.TryGetValue(component, out var first);
        _sameId ??= [];
        if (!_sameId.TryGetValue(first!, out var all))
        {
            _sameId[first!] = all = [first!];
        }

        all.Add(component);
    }

    internal void Add(ConfigBlock block)
    {
        _configBlocks.Add(block);
        _configBlocksByName ??= new(StringComparer.Ordinal);
        if (!_configBlocksByName.TryGetValue(block.Name, out var named))
        {
            _configBlocksByName[block.Name] = named = [];
        }

        named.Add(block);
        if (block.Label is not { } label)
        {
            return;
        }

        (_firstConfigBlock ??= []).TryAdd((block.Name, label), block);
        if (block.Name.StartsWith("import.", StringComparison.Ordinal))
        {
            (_firstImport ??= new(StringComparer.Ordinal)).TryAdd(label, block);
        }
    }

    /// <summary>The configuration block <c>name "label"</c> declared directly in this scope (the first when duplicated), or null.</summary>
    private ConfigBlock? FindConfigBlock(string name, string label) => _firstConfigBlock?.GetValueOrDefault((name, label));
}
