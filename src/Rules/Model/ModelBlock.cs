using AlloyLint.Parser.Text;
using AlloyLint.Rules.Catalog;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Model;

/// <summary>A block the model knows by name: a component, or a configuration block such as <c>logging</c> or <c>declare</c>.</summary>
public abstract class ModelBlock
{
    private string? _id;

    private protected ModelBlock(BlockStatement block, SyntaxTree tree, Scope scope, int index, ComponentSchema? catalogSchema)
    {
        Block = block;
        Tree = tree;
        Scope = scope;
        Index = index;
        Name = block.Name;
        Label = block.Label?.Value;
        CatalogSchema = catalogSchema;
    }

    public BlockStatement Block { get; }

    /// <summary>The file the block is written in.</summary>
    public SyntaxTree Tree { get; }

    /// <summary>The scope the block is declared in.</summary>
    public Scope Scope { get; }

    /// <summary>
    /// The block's position in <see cref="SemanticModel.AllBlocks"/>: what per-block state is kept by, in an array
    /// the size of <see cref="SemanticModel.AllBlocks"/> instead of a dictionary.
    /// </summary>
    public int Index { get; }

    /// <summary>The dotted block name, e.g. <c>prometheus.scrape</c>.</summary>
    /// <remarks>
    /// Name and label are kept apart from <see cref="Block"/>: rules scan every block of a large configuration by name,
    /// and reading each block's syntax node is a cache miss (the label is also a struct made on each read).
    /// </remarks>
    public string Name { get; }

    /// <summary>The label's text (see <see cref="Name"/>).</summary>
    public string? Label { get; }

    /// <summary>How expressions name it: <c>prometheus.scrape.default</c> (name and label joined by a dot).</summary>
    public string Id => _id ??= Label is null ? Name : $"{Name}.{Label}";

    /// <summary>Room for the <see cref="IdText"/> of all but unusually long names and labels (those use their <see cref="Id"/> string).</summary>
    internal const int IdBufferLength = 128;

    /// <summary>Whether <paramref name="id"/> is this block's <see cref="Id"/>, compared piece by piece without building it.</summary>
    public bool HasId(ReadOnlySpan<char> id) => Label is not { } label
        ? id.SequenceEqual(Name)
        : id.Length == Name.Length + 1 + label.Length && id[Name.Length] == '.' && id.StartsWith(Name) && id.EndsWith(label);

    /// <summary>
    /// The text of <see cref="Id"/> written into <paramref name="buffer"/>, so that comparing and hashing IDs builds no
    /// string per block; when it does not fit, <see cref="Id"/> itself.
    /// </summary>
    internal ReadOnlySpan<char> IdText(Span<char> buffer)
    {
        if (Label is not { } label)
        {
            return Name;
        }

        var length = Name.Length + 1 + label.Length;
        if (_id is not null || length > buffer.Length)
        {
            return Id;
        }

        Name.CopyTo(buffer);
        buffer[Name.Length] = '.';
        label.CopyTo(buffer[(Name.Length + 1)..]);
        return buffer[..length];
    }

    /// <summary>
    /// The catalog's component or config block with this block's name, or null when the catalog has none (whether or
    /// not the name is taken by a custom component: see <see cref="ModelSchemas.SchemaOf"/>).
    /// </summary>
    public ComponentSchema? CatalogSchema { get; }

    /// <summary>How messages name it: <c>prometheus.scrape "default"</c>.</summary>
    public string DisplayName => DisplayNameText.ToString();

    /// <summary>
    /// <see cref="DisplayName"/> written straight into an interpolated message, without a string of its own: a rule that
    /// reports on each of thousands of components would build one per finding only to copy it.
    /// </summary>
    internal DisplayNameFormatter DisplayNameText => new(Name, Label);

    /// <summary>The block's header, from its name to its label: where findings about the whole block point.</summary>
    public TextSpan HeaderSpan => TextSpan.FromBounds(Block.NameSpan.Start, Block.Label?.Span.End ?? Block.NameSpan.End);

    /// <summary>
    /// Where the header starts, as <c>file.alloy:line:column</c>: the file's name only, since the files of a configuration
    /// share a folder, so that a message reads the same wherever the linter was run from.
    /// </summary>
    public string HeaderLocation => $"{Path.GetFileName(Tree.Source.Path)}:{Tree.Source.GetPosition(HeaderSpan.Start)}";

    /// <summary>
    /// The attribute at <paramref name="path"/>: "scrape_interval", or through nested blocks "endpoint.basic_auth.password"
    /// (the first matching block at each step). Null when absent.
    /// </summary>
    public AttributeStatement? Attribute(string path) => BodyLookup.FindAttribute(Block.Body, path);

    /// <summary>The nested blocks at <paramref name="path"/> ("endpoint", "endpoint.basic_auth"), in source order.</summary>
    public IEnumerable<BlockStatement> NestedBlocks(string path) => BodyLookup.FindBlocks(Block.Body, path);

    /// <summary>The constant value of the attribute at <paramref name="path"/>; when absent, <paramref name="defaultValue"/> or else the catalog default (null when none is known); null when not constant.</summary>
    public AlloyValue? EffectiveValue(string path, AlloyValue? defaultValue = null) =>
        Attribute(path) is { } attribute ? ConstantEvaluator.Evaluate(attribute.Value) : defaultValue ?? ArgumentDefaults.Find(Name, path);

    public override string ToString() => DisplayName;
}

/// <summary>A component instance: a block whose name is a component (built-in, imported or declared) and that has a label.</summary>
public sealed class ComponentInstance : ModelBlock
{
    internal ComponentInstance(BlockStatement block, SyntaxTree tree, Scope scope, int index, ComponentSchema? catalogSchema)
        : base(block, tree, scope, index, catalogSchema)
    {
    }

    /// <summary>
    /// What defines the component other than the catalog: its <see cref="Declaration"/> or its <see cref="Import"/>, or
    /// both when its name matches both (rare); null for neither. One field keeps the tens of thousands of components of
    /// a large configuration 8 bytes smaller each.
    /// </summary>
    private object? _definition;

    /// <summary>The <c>declare</c> block defining this custom component, when it is one.</summary>
    public ConfigBlock? Declaration => _definition switch
    {
        ConfigBlock block => block.Name == "declare" ? block : null,
        DeclarationAndImport both => both.Declaration,
        _ => null,
    };

    /// <summary>The <c>import.*</c> block whose namespace this component's name starts with, when it is one.</summary>
    public ConfigBlock? Import => _definition switch
    {
        ConfigBlock block => block.Name == "declare" ? null : block,
        DeclarationAndImport both => both.Import,
        _ => null,
    };

    /// <summary>Whether a <c>declare</c> or <c>import.*</c> block defines the component (see <see cref="Declaration"/>, <see cref="Import"/>).</summary>
    internal bool HasDefinition => _definition is not null;

    internal void SetDefinitions(ConfigBlock? declaration, ConfigBlock? import) =>
        _definition = (declaration, import) switch
        {
            (null, null) => null,
            (not null, null) => declaration,
            (null, not null) => import,
            _ => new DeclarationAndImport(declaration, import),
        };

    private sealed record DeclarationAndImport(ConfigBlock Declaration, ConfigBlock Import);
}

/// <summary>
/// A configuration block: <c>logging</c>, <c>tracing</c>, <c>http</c>, <c>remotecfg</c>, <c>livedebugging</c>, <c>labelstore</c>,
/// <c>declare</c>, <c>argument</c>, <c>export</c>, <c>import.*</c>, <c>foreach</c>.
/// </summary>
public sealed class ConfigBlock : ModelBlock
{
    internal ConfigBlock(BlockStatement block, SyntaxTree tree, Scope scope, int index, ComponentSchema catalogSchema)
        : base(block, tree, scope, index, catalogSchema)
    {
    }

    /// <summary>For <c>declare</c> and <c>foreach</c>: the scope of its body (the foreach <c>template</c>).</summary>
    public Scope? InnerScope { get; internal set; }

    /// <summary>
    /// For <c>declare</c>: the custom component it defines, once <see cref="ModelSchemas.CustomComponentOf"/> has worked it
    /// out (rules on several threads may each work it out once; the results are equal).
    /// </summary>
    internal CustomComponentSchema? CustomComponent { get; set; }
}

/// <summary>
/// Finds attributes and nested blocks in a body by dotted path. Block names may contain dots themselves
/// (<c>stage.json</c>): each step matches any block whose name is a prefix of the remaining path.
/// </summary>
public static class BodyLookup
{
    public static AttributeStatement? FindAttribute(Body body, string path)
    {
        var dot = path.LastIndexOf('.');
        if (dot < 0)
        {
            foreach (var statement in body.Statements)
            {
                if (statement is AttributeStatement attribute && attribute.Name.Name == path)
                {
                    return attribute;
                }
            }

            return null;
        }

        return FindNestedAttribute(body, path[..dot], path[(dot + 1)..]);
    }

    /// <summary>
    /// The attribute <paramref name="name"/> in the first block at <paramref name="blockPath"/> that has it. Apart from
    /// <see cref="FindAttribute"/> so that a lookup without a dot does not allocate the closure this one needs.
    /// </summary>
    private static AttributeStatement? FindNestedAttribute(Body body, string blockPath, string name) =>
        FindBlocks(body, blockPath).Select(block => FindAttribute(block.Body, name)).FirstOrDefault(found => found is not null);

    public static IEnumerable<BlockStatement> FindBlocks(Body body, string path)
    {
        foreach (var block in body.Blocks)
        {
            if (block.Name == path)
            {
                yield return block;
            }
            else if (path.StartsWith(block.Name, StringComparison.Ordinal) && path.Length > block.Name.Length && path[block.Name.Length] == '.')
            {
                foreach (var inner in FindBlocks(block.Body, path[(block.Name.Length + 1)..]))
                {
                    yield return inner;
                }
            }
        }
    }
}

/// <summary>Formats a block's <see cref="ModelBlock.DisplayName"/> into the buffer of an interpolated string.</summary>
internal readonly struct DisplayNameFormatter(string name, string? label) : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        label is null ? destination.TryWrite($"{name}", out charsWritten) : destination.TryWrite($"{name} \"{label}\"", out charsWritten);

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    // The name alone is the string itself; with a label, the interpolation formats this through TryFormat.
    public override string ToString() => label is null ? name : $"{this}";
}
