using System.Collections.Immutable;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Catalog;

namespace AlloyLint.Rules.Model;

/// <summary>
/// What one configuration (one or several files loaded together) declares and how it is wired: components and
/// configuration blocks per scope, every reference resolved to a component and export (or marked unresolved),
/// and the pipeline graph.
/// </summary>
public sealed class SemanticModel
{
    /// <summary>Top-level identifiers of the standard library (current and deprecated names) and <c>module_path</c>.</summary>
    public static readonly IReadOnlySet<string> StdlibRoots = new HashSet<string>([.. StandardLibrary.RootNames, "module_path"], StringComparer.Ordinal);

    private readonly List<ModelBlock> _allBlocks = [];
    private readonly List<Reference> _references = [];
    private readonly Dictionary<ModelBlock, List<Reference>> _referencesByOwner = [];
    private readonly Dictionary<ComponentInstance, List<Reference>> _referencesByComponent = [];

    private SemanticModel(ImmutableArray<SyntaxTree> trees)
    {
        Trees = trees;
        Root = new Scope(ScopeKind.Root, parent: null, owner: null);
        foreach (var tree in trees)
        {
            Declare(tree.Root, tree, Root);
        }

        foreach (var block in _allBlocks)
        {
            if (block is ComponentInstance component)
            {
                component.Declaration = component.Scope.FindDeclaration(component.Name);
                var dot = component.Name.IndexOf('.', StringComparison.Ordinal);
                component.Import = dot > 0 ? component.Scope.FindImport(component.Name[..dot]) : null;
            }

            CollectReferences(block);
        }

        foreach (var tree in trees)
        {
            foreach (var attribute in tree.Root.Attributes)
            {
                Walk(attribute.Value, tree, Root, owner: null, attribute.Name.Name, isCallee: false);
            }
        }

        foreach (var reference in _references)
        {
            Resolve(reference);
            if (reference.Owner is { } owner)
            {
                AddTo(_referencesByOwner, owner, reference);
            }

            if (reference.Component is { } component)
            {
                AddTo(_referencesByComponent, component, reference);
            }
        }

        Graph = new PipelineGraph(_references);
    }

    /// <summary>The files of the configuration, in path order.</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>The top level of all the files together.</summary>
    public Scope Root { get; }

    /// <summary>Top-level components, in file then source order.</summary>
    public IReadOnlyList<ComponentInstance> Components => Root.Components;

    /// <summary>Top-level configuration blocks (<c>logging</c>, <c>tracing</c>, <c>declare</c>...), in file then source order.</summary>
    public IReadOnlyList<ConfigBlock> ConfigBlocks => Root.ConfigBlocks;

    /// <summary>Every component and configuration block at any depth (inside <c>declare</c> and <c>foreach</c> too).</summary>
    public IReadOnlyList<ModelBlock> AllBlocks => _allBlocks;

    /// <summary>Every name chain in every expression.</summary>
    public IReadOnlyList<Reference> References => _references;

    public PipelineGraph Graph { get; }

    public static SemanticModel Build(IEnumerable<SyntaxTree> trees) => new([.. trees]);

    /// <summary>Top-level components called <paramref name="name"/> (e.g. <c>prometheus.exporter.self</c>).</summary>
    public IEnumerable<ComponentInstance> ComponentsNamed(string name) => Root.Components.Where(component => component.Name == name);

    /// <summary>Top-level configuration blocks called <paramref name="name"/> (e.g. <c>logging</c>).</summary>
    public IEnumerable<ConfigBlock> ConfigBlocksNamed(string name) => Root.ConfigBlocksNamed(name);

    /// <summary>The top-level component <c>name "label"</c>, or null.</summary>
    public ComponentInstance? FindComponent(string name, string label) => Root.ComponentsWithId($"{name}.{label}").FirstOrDefault();

    /// <summary>The references that name <paramref name="component"/>.</summary>
    public IReadOnlyList<Reference> ReferencesTo(ComponentInstance component) =>
        _referencesByComponent.TryGetValue(component, out var found) ? found : [];

    /// <summary>The references written inside <paramref name="owner"/>'s body, in source order.</summary>
    public IReadOnlyList<Reference> ReferencesIn(ModelBlock owner) =>
        _referencesByOwner.TryGetValue(owner, out var found) ? found : [];

    /// <summary>The references that resolve to nothing.</summary>
    public IEnumerable<Reference> UnresolvedReferences => _references.Where(reference => reference.Kind == ReferenceKind.Unresolved);

    private static void AddTo<TKey>(Dictionary<TKey, List<Reference>> index, TKey key, Reference reference)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(reference);
    }

    private void Declare(Body body, SyntaxTree tree, Scope scope)
    {
        foreach (var block in body.Blocks)
        {
            if (!ConfigBlock.Names.Contains(block.Name))
            {
                var component = new ComponentInstance(block, tree, scope);
                scope.Add(component);
                _allBlocks.Add(component);
                continue;
            }

            var configBlock = new ConfigBlock(block, tree, scope);
            scope.Add(configBlock);
            _allBlocks.Add(configBlock);
            if (block.Name == "declare")
            {
                configBlock.InnerScope = new Scope(ScopeKind.Declare, scope, configBlock);
                Declare(block.Body, tree, configBlock.InnerScope);
            }
            else if (block.Name == "foreach")
            {
                configBlock.InnerScope = new Scope(ScopeKind.ForeachTemplate, scope, configBlock)
                {
                    ForeachVariable = configBlock.Attribute("var") is { } variable ? ConstantEvaluator.EvaluateString(variable.Value) : null,
                };
                foreach (var template in block.Body.Blocks.Where(inner => inner.Name == "template"))
                {
                    Declare(template.Body, tree, configBlock.InnerScope);
                }
            }
        }
    }

    private void CollectReferences(ModelBlock block)
    {
        var opensScope = block is ConfigBlock { InnerScope: not null };
        CollectReferences(block.Block.Body, prefix: string.Empty, block, opensScope);
    }

    private void CollectReferences(Body body, string prefix, ModelBlock owner, bool skipBlocks)
    {
        foreach (var statement in body.Statements)
        {
            switch (statement)
            {
                case AttributeStatement attribute:
                    Walk(attribute.Value, owner.Tree, owner.Scope, owner, prefix + attribute.Name.Name, isCallee: false);
                    break;
                case BlockStatement inner when !skipBlocks:
                    CollectReferences(inner.Body, prefix + inner.Name + ".", owner, skipBlocks: false);
                    break;
            }
        }
    }

    private void Walk(Expression expression, SyntaxTree tree, Scope scope, ModelBlock? owner, string attribute, bool isCallee)
    {
        if (expression is IdentifierExpression or AccessExpression)
        {
            var names = Traversal.Names(expression);
            if (!names.IsEmpty)
            {
                _references.Add(new Reference(expression, names, tree, scope, owner, attribute, isCallee));
                return;
            }
        }

        if (expression is CallExpression call)
        {
            Walk(call.Callee, tree, scope, owner, attribute, isCallee: true);
            foreach (var argument in call.Arguments)
            {
                Walk(argument, tree, scope, owner, attribute, isCallee: false);
            }

            return;
        }

        foreach (var child in expression.ChildNodes())
        {
            var inner = child is ObjectField field ? field.Value : (Expression)child;
            Walk(inner, tree, scope, owner, attribute, isCallee: false);
        }
    }

    private static void Resolve(Reference reference)
    {
        var names = reference.Names;
        if (!reference.IsCallee)
        {
            if (ResolveLocal(reference, names))
            {
                return;
            }

            var prefixes = new string[names.Length + 1];
            for (var length = 2; length <= names.Length; length++)
            {
                prefixes[length] = string.Join('.', names.Take(length));
            }

            foreach (var scope in reference.Scope.VisibleComponentScopes())
            {
                for (var length = names.Length; length >= 2; length--)
                {
                    var candidates = scope.ComponentsWithId(prefixes[length]);
                    if (candidates.Count == 0)
                    {
                        continue;
                    }

                    reference.Kind = ReferenceKind.Component;
                    reference.Component = candidates.FirstOrDefault(candidate => ReferenceEquals(candidate.Tree, reference.Tree)) ?? candidates[0];
                    reference.Export = length < names.Length ? names[length] : null;
                    return;
                }
            }
        }

        reference.Kind = StdlibRoots.Contains(names[0]) ? ReferenceKind.Stdlib : ReferenceKind.Unresolved;
    }

    private static bool ResolveLocal(Reference reference, ImmutableArray<string> names)
    {
        for (var scope = reference.Scope; scope is not null; scope = scope.Parent)
        {
            if (scope.ForeachVariable == names[0])
            {
                reference.Kind = ReferenceKind.ForeachVariable;
                return true;
            }

            if (scope.Kind == ScopeKind.Declare)
            {
                if (names[0] == "argument" && names.Length >= 2 && scope.FindArgument(names[1]) is { } argument)
                {
                    reference.Kind = ReferenceKind.Argument;
                    reference.Argument = argument;
                    return true;
                }

                break;
            }
        }

        return false;
    }
}
