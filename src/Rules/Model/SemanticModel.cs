using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    private readonly List<ModelBlock> _allBlocks;
    private readonly List<Reference> _references = [];

    /// <summary>Where the references of block i start in <see cref="_references"/> (each block's are one run); the last entry is where the top-level ones start.</summary>
    private readonly int[] _referenceStarts;

    /// <summary>The references that name each component.</summary>
    private readonly BlockRuns<Reference> _referencesTo;
    private readonly Lazy<PipelineGraph> _graph;

    /// <summary>
    /// The catalog schema of each block name met while declaring, by string instance: the parser interns names, so the
    /// blocks of a large file share a few instances, found here by reference instead of hashing the name's text. An
    /// equal name of another instance (from another file, or another part of a large file parsed apart) is looked up
    /// in the catalog again.
    /// </summary>
    private readonly Dictionary<string, ComponentSchema?> _schemasByNameInstance = new(ReferenceEqualityComparer.Instance);

    private SemanticModel(ImmutableArray<SyntaxTree> trees)
    {
        Trees = trees;

        // Nearly every block of a large configuration is at the top level: sized for those, the lists of blocks do not grow by doubling.
        var topLevelStatements = trees.Sum(tree => tree.Root.Statements.Length);
        _allBlocks = new(topLevelStatements);
        Root = new Scope(ScopeKind.Root, parent: null, owner: null, expectedComponents: topLevelStatements);
        _graph = new(() => new PipelineGraph(CollectionsMarshal.AsSpan(_references), _allBlocks.Count));
        foreach (var tree in trees)
        {
            Declare(tree.Root, tree, Root);
        }

        var collector = new ReferenceCollector(_references, new ModelSchemas.CheckedBodyCollector(_allBlocks));
        _referenceStarts = new int[_allBlocks.Count + 1];
        foreach (var block in _allBlocks)
        {
            if (block is ComponentInstance component)
            {
                var dot = component.Name.IndexOf('.', StringComparison.Ordinal);
                component.SetDefinitions(
                    component.Scope.FindDeclaration(component.Name),
                    dot > 0 ? component.Scope.FindImport(component.Name.AsSpan(0, dot)) : null);
            }

            _referenceStarts[block.Index] = _references.Count;
            collector.CollectIn(block);
        }

        _referenceStarts[^1] = _references.Count;
        CheckedBodies = collector.CheckedBodies.Complete();

        foreach (var tree in trees)
        {
            collector.CollectTopLevel(tree, Root);
        }

        foreach (var reference in _references)
        {
            Resolve(reference);
        }

        _referencesTo = new(CollectionsMarshal.AsSpan(_references), _allBlocks.Count, static reference => reference.Component);
    }

    /// <summary>The files of the configuration, in path order.</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>The top level of all the files together.</summary>
    public Scope Root { get; }

    /// <summary>Top-level components, in file then source order.</summary>
    public ReadOnlyListView<ComponentInstance> Components => Root.Components;

    /// <summary>Top-level configuration blocks (<c>logging</c>, <c>tracing</c>, <c>declare</c>...), in file then source order.</summary>
    public ReadOnlyListView<ConfigBlock> ConfigBlocks => Root.ConfigBlocks;

    /// <summary>Every component and configuration block at any depth (inside <c>declare</c> and <c>foreach</c> too).</summary>
    public ReadOnlyListView<ModelBlock> AllBlocks => new(_allBlocks);

    /// <summary>Every name chain in every expression.</summary>
    public ReadOnlyListView<Reference> References => new(_references);

    /// <summary>Which block feeds which; built on first use (once, also when rules ask from several threads).</summary>
    public PipelineGraph Graph => _graph.Value;

    /// <summary>
    /// Every block body checked against a schema (see <see cref="ModelSchemas.CheckedBodyCollector"/>), block by block
    /// in <see cref="AllBlocks"/> order, shared by the rules. Worked out in the walk that finds the references, so that
    /// a large configuration's statements are read once for both.
    /// </summary>
    public CheckedBodyList CheckedBodies { get; }

    public static SemanticModel Build(IEnumerable<SyntaxTree> trees) => new([.. trees]);

    /// <summary>Top-level components called <paramref name="name"/> (e.g. <c>prometheus.exporter.self</c>).</summary>
    public IEnumerable<ComponentInstance> ComponentsNamed(string name) => Root.Components.Where(component => component.Name == name);

    /// <summary>Top-level configuration blocks called <paramref name="name"/> (e.g. <c>logging</c>).</summary>
    public IReadOnlyList<ConfigBlock> ConfigBlocksNamed(string name) => Root.ConfigBlocksNamed(name);

    /// <summary>The top-level component <c>name "label"</c>, or null.</summary>
    public ComponentInstance? FindComponent(string name, string label) => Root.ComponentsWithId($"{name}.{label}").FirstOrDefault();

    /// <summary>The references that name <paramref name="component"/>, in <see cref="References"/> order.</summary>
    public ReadOnlySpan<Reference> ReferencesTo(ComponentInstance component) => _referencesTo[component];

    /// <summary>The references written inside <paramref name="owner"/>'s body, in source order.</summary>
    public ReadOnlySpan<Reference> ReferencesIn(ModelBlock owner) =>
        CollectionsMarshal.AsSpan(_references)[_referenceStarts[owner.Index].._referenceStarts[owner.Index + 1]];

    /// <summary>The references that resolve to nothing.</summary>
    public IEnumerable<Reference> UnresolvedReferences => _references.Where(reference => reference.Kind == ReferenceKind.Unresolved);

    private void Declare(Body body, SyntaxTree tree, Scope scope)
    {
        foreach (var statement in body.Statements)
        {
            if (statement is not BlockStatement block)
            {
                continue;
            }

            // The configuration blocks are the catalog's; every other block at the top of a scope is a component. The block keeps its schema.
            if (!_schemasByNameInstance.TryGetValue(block.Name, out var schema))
            {
                _schemasByNameInstance[block.Name] = schema = ComponentCatalog.Default.Find(block.Name);
            }

            if (schema is not { IsConfigBlock: true })
            {
                var component = new ComponentInstance(block, tree, scope, _allBlocks.Count, schema);
                scope.Add(component);
                _allBlocks.Add(component);
                continue;
            }

            var configBlock = new ConfigBlock(block, tree, scope, _allBlocks.Count, schema);
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
                foreach (var inner in block.Body.Statements)
                {
                    if (inner is BlockStatement { Name: "template" } template)
                    {
                        Declare(template.Body, tree, configBlock.InnerScope);
                    }
                }
            }
        }
    }

    /// <summary>Resolves a reference, as the last one with the same chain did when that one was in the same scope and file.</summary>
    private static void Resolve(Reference reference)
    {
        var chain = reference.Chain;
        if (chain.LastResolved is { } last && ReferenceEquals(last.Scope, reference.Scope) && ReferenceEquals(last.Tree, reference.Tree) && last.IsCallee == reference.IsCallee)
        {
            reference.ResolveLike(last);
            return;
        }

        ResolveAnew(reference);
        chain.LastResolved = reference;
    }

    // SkipLocalsInit: the chain's text is written into the buffer before it is read; clearing 512 bytes per reference is wasted.
    [SkipLocalsInit]
    private static void ResolveAnew(Reference reference)
    {
        var names = reference.Names;
        if (!reference.IsCallee)
        {
            if (ResolveLocal(reference, names))
            {
                return;
            }

            var text = reference.Chain.TextIn(stackalloc char[256]);
            for (var scope = reference.Scope; scope is not null; scope = scope.OuterComponentScope)
            {
                // The longest prefix of two names or more that is a component ID: what follows is the export.
                var prefixEnd = text.Length;
                for (var length = names.Length; length >= 2; prefixEnd -= names[--length].Length + 1)
                {
                    if (scope.ComponentWithId(text[..prefixEnd], reference.Tree) is not { } component)
                    {
                        continue;
                    }

                    reference.ResolveToComponent(component, length);
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
                    reference.ResolveToArgument(argument);
                    return true;
                }

                break;
            }
        }

        return false;
    }

    /// <summary>
    /// Finds the name chains in the expressions of one block (or one file's top level) and records them as references;
    /// on the way, collects the block's checked bodies.
    /// </summary>
    private sealed class ReferenceCollector(List<Reference> references, ModelSchemas.CheckedBodyCollector checkedBodies)
    {
        private readonly NameChainTable _chains = new();
        private readonly List<string> _blockPath = [];

        // The block whose body is walked, or the TopLevel of the file whose top-level attributes are.
        private object _site = null!;
        private string _attributeName = string.Empty;
        private string? _attributePath;

        /// <summary>The references in a block's body; for <c>declare</c> and <c>foreach</c> only its own attributes (what it holds is a scope of its own).</summary>
        public ModelSchemas.CheckedBodyCollector CheckedBodies => checkedBodies;

        public void CollectIn(ModelBlock block)
        {
            _site = block;
            checkedBodies.StartOwner(block);
            var statements = ModelSchemas.BodySchemaOf(block) is { } schema ? checkedBodies.Add(block.Block, schema) : default;
            Collect(block.Block.Body, skipBlocks: block is ConfigBlock { InnerScope: not null }, statements);
        }

        /// <summary>The references in the attributes written at the top of a file.</summary>
        public void CollectTopLevel(SyntaxTree tree, Scope root)
        {
            _site = new TopLevel(tree, root);
            Collect(tree.Root, skipBlocks: true, checkedStatements: default);
        }

        /// <param name="body">The body.</param>
        /// <param name="skipBlocks">True for a body whose blocks are a scope of their own (declare, foreach) or hold no references of this owner.</param>
        /// <param name="checkedStatements">The body's statements with their schemas when it is a checked body; empty otherwise.</param>
        private void Collect(Body body, bool skipBlocks, CheckedStatements checkedStatements)
        {
            var statements = body.Statements;
            for (var i = 0; i < statements.Length; i++)
            {
                switch (statements[i])
                {
                    case AttributeStatement attribute:
                        (_attributeName, _attributePath) = (attribute.Name.Name, null);
                        Walk(attribute.Value, calledBy: null);
                        break;
                    case BlockStatement inner:
                        // Each checked body is added before those nested in it, and siblings in source order, as the collector's own walk does.
                        var innerSchema = checkedStatements.Length == 0 ? null : checkedStatements[i].Block;
                        if (skipBlocks)
                        {
                            if (innerSchema is { FreeForm: false })
                            {
                                checkedBodies.AddWithNested(inner, innerSchema.Body);
                            }

                            break;
                        }

                        _blockPath.Add(inner.Name);
                        Collect(inner.Body, skipBlocks: false, innerSchema is { FreeForm: false } ? checkedBodies.Add(inner, innerSchema.Body) : default);
                        _blockPath.RemoveAt(_blockPath.Count - 1);
                        break;
                }
            }
        }

        private void Walk(Expression expression, CallExpression? calledBy)
        {
            switch (expression)
            {
                case IdentifierExpression or AccessExpression when NameChain.IsChain(expression):
                    _attributePath ??= _chains.Path(_blockPath, _attributeName);
                    references.Add(new Reference(expression, _chains.FindChain(expression, _attributePath), _site, calledBy));
                    break;
                case LiteralExpression:
                    break;
                case AccessExpression access:
                    Walk(access.Target, calledBy: null);
                    break;
                case CallExpression call:
                    Walk(call.Callee, call);
                    foreach (var argument in call.Arguments)
                    {
                        Walk(argument, calledBy: null);
                    }

                    break;
                case ArrayExpression array:
                    foreach (var element in array.Elements)
                    {
                        Walk(element, calledBy: null);
                    }

                    break;
                case ObjectExpression @object:
                    foreach (var field in @object.Fields)
                    {
                        Walk(field.Value, calledBy: null);
                    }

                    break;
                case IndexExpression index:
                    Walk(index.Target, calledBy: null);
                    Walk(index.Index, calledBy: null);
                    break;
                case UnaryExpression unary:
                    Walk(unary.Operand, calledBy: null);
                    break;
                case BinaryExpression binary:
                    Walk(binary.Left, calledBy: null);
                    Walk(binary.Right, calledBy: null);
                    break;
                case ParenExpression paren:
                    Walk(paren.Inner, calledBy: null);
                    break;
                default:
                    // A kind of expression this walk does not know yet: its children, generically.
                    foreach (var child in expression.ChildNodes())
                    {
                        Walk(child is ObjectField field ? field.Value : (Expression)child, calledBy: null);
                    }

                    break;
            }
        }
    }
}
