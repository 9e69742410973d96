using System.Collections.Immutable;
using System.Diagnostics;
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
/// <remarks>
/// 56 bytes, as a large configuration has tens of thousands: the file and scope are its owner's (or, at the top of a
/// file, its <see cref="TopLevel"/>'s), the attribute it is written in is its chain's, and the call a callee is in
/// shares a field with the block a reference names.
/// </remarks>
public sealed class Reference
{
    private readonly NameChain _chain;

    /// <summary>Where the reference is written: its owner, a <see cref="ModelBlock"/>, or for a top-level attribute the file's <see cref="TopLevel"/>.</summary>
    private readonly object _site;

    /// <summary>
    /// The <see cref="CallExpression"/> whose function the chain is; otherwise, for <see cref="ReferenceKind.Component"/>
    /// and <see cref="ReferenceKind.Argument"/>, the block named. Only the standard library is called, so a callee names no block.
    /// </summary>
    private object? _callOrTarget;

    /// <summary>For <see cref="ReferenceKind.Component"/>: how many of <see cref="Names"/> the component's ID takes (the export, if any, follows).</summary>
    private int _componentNames;

    /// <param name="site">The owner block, or for a top-level attribute the file's <see cref="TopLevel"/>.</param>
    internal Reference(Expression expression, NameChain chain, object site, CallExpression? call)
    {
        Debug.Assert(site is ModelBlock or TopLevel, "A reference is written in a block or at the top of a file.");
        Expression = expression;
        _chain = chain;
        _site = site;
        _callOrTarget = call;
    }

    /// <summary>The chain: an <see cref="IdentifierExpression"/> or an <see cref="AccessExpression"/>.</summary>
    public Expression Expression { get; }

    public ImmutableArray<string> Names => _chain.Names;

    /// <summary>The chain's names, text and attribute, shared with the references that write the same chain in an attribute of the same path.</summary>
    internal NameChain Chain => _chain;

    /// <summary>The names joined with dots: <c>prometheus.exporter.self.alloy.targets</c>.</summary>
    public string Text => _chain.Text;

    public SyntaxTree Tree => _site is ModelBlock owner ? owner.Tree : ((TopLevel)_site).Tree;

    /// <summary>The scope the reference is written in: its owner's, or the root.</summary>
    public Scope Scope => _site is ModelBlock owner ? owner.Scope : ((TopLevel)_site).Root;

    /// <summary>The component or configuration block whose body holds the reference; null for a top-level attribute.</summary>
    public ModelBlock? Owner => _site as ModelBlock;

    /// <summary>Where in its owner: the attribute path through nested blocks, e.g. <c>forward_to</c> or <c>output.metrics</c>.</summary>
    public string OwnerAttribute => _chain.AttributePath;

    /// <summary>True when the chain is the function of a call (<c>sys.env</c> in <c>sys.env("X")</c>).</summary>
    public bool IsCallee => _callOrTarget is CallExpression;

    /// <summary>The call whose function the chain is, when <see cref="IsCallee"/>.</summary>
    public CallExpression? Call => _callOrTarget as CallExpression;

    public ReferenceKind Kind { get; internal set; } = ReferenceKind.Unresolved;

    /// <summary>For <see cref="ReferenceKind.Component"/>: the component named.</summary>
    public ComponentInstance? Component => Kind == ReferenceKind.Component ? (ComponentInstance)_callOrTarget! : null;

    /// <summary>For <see cref="ReferenceKind.Component"/>: the export named after the component (<c>targets</c>), or null when none.</summary>
    public string? Export => Kind == ReferenceKind.Component && _componentNames < Names.Length ? Names[_componentNames] : null;

    /// <summary>For <see cref="ReferenceKind.Argument"/>: the <c>argument</c> block.</summary>
    public ConfigBlock? Argument => Kind == ReferenceKind.Argument ? (ConfigBlock)_callOrTarget! : null;

    /// <summary>Resolves the reference to <paramref name="component"/>, whose ID is its first <paramref name="idNames"/> names.</summary>
    internal void ResolveToComponent(ComponentInstance component, int idNames)
    {
        Debug.Assert(!IsCallee, "A callee names no component.");
        Kind = ReferenceKind.Component;
        _callOrTarget = component;
        _componentNames = idNames;
    }

    /// <summary>Resolves the reference as <paramref name="other"/> was: a reference resolved before with the same chain, scope, file and callee-ness.</summary>
    internal void ResolveLike(Reference other)
    {
        Kind = other.Kind;
        if (other.Kind is ReferenceKind.Component or ReferenceKind.Argument)
        {
            _callOrTarget = other._callOrTarget;
            _componentNames = other._componentNames;
        }
    }

    /// <summary>Resolves the reference to <paramref name="argument"/>, the <c>argument</c> block of its declare.</summary>
    internal void ResolveToArgument(ConfigBlock argument)
    {
        Debug.Assert(!IsCallee, "A callee names no argument.");
        Kind = ReferenceKind.Argument;
        _callOrTarget = argument;
    }

    public override string ToString() => Kind switch
    {
        ReferenceKind.Component => $"{Text} -> {Component!.DisplayName}" + (Export is null ? string.Empty : $" export {Export}"),
        _ => $"{Text} -> {Kind}",
    };
}

/// <summary>Where the references of a file's top-level attributes are written: the file, in the root scope.</summary>
internal sealed class TopLevel(SyntaxTree tree, Scope root)
{
    public SyntaxTree Tree { get; } = tree;

    public Scope Root { get; } = root;
}
