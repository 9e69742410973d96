using System.Collections.Immutable;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Model;

public enum ReferenceKind
{
    /// <summary>A component and (usually) one of its exports: <c>prometheus.exporter.self.alloy.targets</c>.</summary>
    Component,

    /// <summary><c>argument.NAME.value</c> inside a <c>declare</c>.</summary>
    Argument,

    /// <summary>The variable of the enclosing <c>foreach</c>.</summary>
    ForeachVariable,

    /// <summary>A standard library name: <c>sys.env</c>, <c>constants.hostname</c>, <c>coalesce</c>, <c>module_path</c>...</summary>
    Stdlib,

    /// <summary>Nothing in scope has this name.</summary>
    Unresolved,
}

/// <summary>
/// One name chain in an expression (<c>a.b.c</c>, maximal: not part of a longer chain), and what it names.
/// </summary>
public sealed class Reference
{
    private readonly NameChain _chain;

    /// <summary>The component or <c>argument</c> block named, for <see cref="ReferenceKind.Component"/> and <see cref="ReferenceKind.Argument"/>.</summary>
    private ModelBlock? _target;

    /// <summary>For <see cref="ReferenceKind.Component"/>: how many of <see cref="Names"/> the component's ID takes (the export, if any, follows).</summary>
    private int _componentNames;

    internal Reference(Expression expression, NameChain chain, SyntaxTree tree, Scope scope, ModelBlock? owner, string ownerAttribute, CallExpression? call)
    {
        Expression = expression;
        _chain = chain;
        Tree = tree;
        Scope = scope;
        Owner = owner;
        OwnerAttribute = ownerAttribute;
        Call = call;
    }

    /// <summary>The chain: an <see cref="IdentifierExpression"/> or an <see cref="AccessExpression"/>.</summary>
    public Expression Expression { get; }

    public ImmutableArray<string> Names => _chain.Names;

    /// <summary>The chain's names and text, shared with the references that write the same chain.</summary>
    internal NameChain Chain => _chain;

    /// <summary>The names joined with dots: <c>prometheus.exporter.self.alloy.targets</c>.</summary>
    public string Text => _chain.Text;

    public SyntaxTree Tree { get; }

    public Scope Scope { get; }

    /// <summary>The component or configuration block whose body holds the reference; null for a top-level attribute.</summary>
    public ModelBlock? Owner { get; }

    /// <summary>Where in its owner: the attribute path through nested blocks, e.g. <c>forward_to</c> or <c>output.metrics</c>.</summary>
    public string OwnerAttribute { get; }

    /// <summary>True when the chain is the function of a call (<c>sys.env</c> in <c>sys.env("X")</c>).</summary>
    public bool IsCallee => Call is not null;

    /// <summary>The call whose function the chain is, when <see cref="IsCallee"/>.</summary>
    public CallExpression? Call { get; }

    public ReferenceKind Kind { get; internal set; } = ReferenceKind.Unresolved;

    /// <summary>For <see cref="ReferenceKind.Component"/>: the component named.</summary>
    public ComponentInstance? Component => Kind == ReferenceKind.Component ? (ComponentInstance)_target! : null;

    /// <summary>For <see cref="ReferenceKind.Component"/>: the export named after the component (<c>targets</c>), or null when none.</summary>
    public string? Export => Kind == ReferenceKind.Component && _componentNames < Names.Length ? Names[_componentNames] : null;

    /// <summary>For <see cref="ReferenceKind.Argument"/>: the <c>argument</c> block.</summary>
    public ConfigBlock? Argument => Kind == ReferenceKind.Argument ? (ConfigBlock)_target! : null;

    /// <summary>Resolves the reference to <paramref name="component"/>, whose ID is its first <paramref name="idNames"/> names.</summary>
    internal void ResolveToComponent(ComponentInstance component, int idNames)
    {
        Kind = ReferenceKind.Component;
        _target = component;
        _componentNames = idNames;
    }

    /// <summary>Resolves the reference as <paramref name="other"/> was: a reference resolved before with the same chain, scope, file and callee-ness.</summary>
    internal void ResolveLike(Reference other)
    {
        Kind = other.Kind;
        _target = other._target;
        _componentNames = other._componentNames;
    }

    /// <summary>Resolves the reference to <paramref name="argument"/>, the <c>argument</c> block of its declare.</summary>
    internal void ResolveToArgument(ConfigBlock argument)
    {
        Kind = ReferenceKind.Argument;
        _target = argument;
    }

    public override string ToString() => Kind switch
    {
        ReferenceKind.Component => $"{Text} -> {Component!.DisplayName}" + (Export is null ? string.Empty : $" export {Export}"),
        _ => $"{Text} -> {Kind}",
    };
}
