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
    private readonly List<ComponentInstance> _components = [];
    private readonly List<ConfigBlock> _configBlocks = [];
    // A one-element array per ID, replaced by a list when the ID is duplicated.
    private readonly Dictionary<string, IReadOnlyList<ComponentInstance>> _componentsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<ComponentInstance>>.AlternateLookup<ReadOnlySpan<char>> _componentsByIdText;

    internal Scope(ScopeKind kind, Scope? parent, ConfigBlock? owner)
    {
        Kind = kind;
        Parent = parent;
        Owner = owner;
        _componentsByIdText = _componentsById.GetAlternateLookup<ReadOnlySpan<char>>();
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

    public IReadOnlyList<ComponentInstance> Components => _components;

    public IReadOnlyList<ConfigBlock> ConfigBlocks => _configBlocks;

    /// <summary>For a foreach template: the name given by the foreach's <c>var</c>.</summary>
    public string? ForeachVariable { get; internal set; }

    public IEnumerable<ConfigBlock> ConfigBlocksNamed(string name) => _configBlocks.Where(block => block.Name == name);

    /// <summary>The <c>argument</c> block called <paramref name="name"/> in this declare scope.</summary>
    public ConfigBlock? FindArgument(string name) => FindConfigBlock("argument", name);

    /// <summary>The components with this ID (<c>name.label</c>) declared directly in this scope; several when duplicated.</summary>
    public IReadOnlyList<ComponentInstance> ComponentsWithId(string id) =>
        _componentsById.TryGetValue(id, out var found) ? found : [];

    /// <inheritdoc cref="ComponentsWithId(string)"/>
    internal IReadOnlyList<ComponentInstance> ComponentsWithId(ReadOnlySpan<char> id) =>
        _componentsByIdText.TryGetValue(id, out var found) ? found : [];

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
            foreach (var block in scope._configBlocks)
            {
                if (block.Name.StartsWith("import.", StringComparison.Ordinal) && namespaceName.SequenceEqual(block.Label))
                {
                    return block;
                }
            }
        }

        return null;
    }

    internal void Add(ComponentInstance component)
    {
        _components.Add(component);
        switch (_componentsById.GetValueOrDefault(component.Id))
        {
            case null:
                _componentsById[component.Id] = new[] { component };
                break;
            case List<ComponentInstance> duplicates:
                duplicates.Add(component);
                break;
            case var single:
                _componentsById[component.Id] = new List<ComponentInstance>(single) { component };
                break;
        }
    }

    internal void Add(ConfigBlock block) => _configBlocks.Add(block);

    /// <summary>The configuration block <c>name "label"</c> declared directly in this scope (the first when duplicated), or null.</summary>
    private ConfigBlock? FindConfigBlock(string name, string label)
    {
        foreach (var block in _configBlocks)
        {
            if (block.Name == name && block.Label == label)
            {
                return block;
            }
        }

        return null;
    }
}
