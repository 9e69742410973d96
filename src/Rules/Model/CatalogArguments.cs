using System.Collections.Immutable;
using System.Text;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Catalog;

namespace AlloyLint.Rules.Model;

/// <summary>
/// An attribute or block written inside a component or top-level block that the catalog knows, with its schema:
/// <see cref="Owner"/> is the component or top-level block, <see cref="BodyBlock"/> the block whose body holds the
/// statement (the owner's own for its top level), <see cref="ParentSchema"/> the schema of that body. A class, not a
/// record: it caches <see cref="Blocks"/>, which value equality would compare.
/// </summary>
public sealed class CatalogArgument(
    ModelBlock owner,
    ComponentSchema ownerSchema,
    BlockStatement bodyBlock,
    Catalog.BodySchema parentSchema,
    Statement statement,
    AttributeSchema? attribute,
    BlockSchema? block)
{
    public ModelBlock Owner { get; } = owner;

    public ComponentSchema OwnerSchema { get; } = ownerSchema;

    public BlockStatement BodyBlock { get; } = bodyBlock;

    public Catalog.BodySchema ParentSchema { get; } = parentSchema;

    public Statement Statement { get; } = statement;

    public AttributeSchema? Attribute { get; } = attribute;

    public BlockSchema? Block { get; } = block;

    public SyntaxTree Tree => Owner.Tree;

    /// <summary>
    /// The nested blocks from the owner down to the statement's body, empty when the statement is directly in the owner;
    /// worked out on first use, as only findings about nested statements need them.
    /// </summary>
    public ImmutableArray<BlockStatement> Blocks => field.IsDefault ? field = CatalogArguments.PathTo(Owner, BodyBlock) : field;

    /// <summary>The statement's name: the attribute name or the (dotted) block name.</summary>
    public string Name => Statement switch
    {
        AttributeStatement attribute => attribute.Name.Name,
        BlockStatement block => block.Name,
        _ => string.Empty,
    };

    /// <summary>Where the statement sits, for messages: <c>`loki.write "default"` › `endpoint` › `basic_auth`</c>.</summary>
    public string Location => CatalogArguments.Describe(Owner, Blocks);
}

/// <summary>
/// Walks the components and top-level blocks of a configuration (inside <c>declare</c> bodies and <c>foreach</c>
/// templates too) and finds the attributes and blocks the catalog describes. Custom components and unknown names are skipped.
/// </summary>
public static class CatalogArguments
{
    /// <summary>
    /// The attributes whose schema <paramref name="attributes"/> accepts and the blocks whose schema <paramref name="blocks"/>
    /// accepts, owner by owner, each owner's bodies outermost first and in source order; with <paramref name="statements"/>,
    /// only those whose statement it accepts too. Only those are materialised: finding them allocates nothing per statement.
    /// </summary>
    public static IReadOnlyList<CatalogArgument> Where(
        SemanticModel model, Func<AttributeSchema, bool> attributes, Func<BlockSchema, bool> blocks, Func<Statement, bool>? statements = null)
    {
        var walk = new Walker(attributes, blocks, statements);

        // Owners whose bodies are checked against their catalog schema: their statements carry their schemas in the
        // model's checked bodies, read without touching the syntax of the statements that do not match.
        ModelBlock? owner = null;
        var read = false;
        foreach (var body in model.CheckedBodies)
        {
            if (!ReferenceEquals(body.Owner, owner))
            {
                owner = body.Owner;
                read = IsCheckedAgainstCatalog(owner) && walk.MayHoldMatches(owner.CatalogSchema!.Body);
            }

            if (read)
            {
                walk.Body(body);
            }
        }

        // The others the catalog knows (a custom or imported component that takes a catalog name): walked through their syntax.
        foreach (var other in model.AllBlocks)
        {
            if (other.CatalogSchema is { } schema && ModelSchemas.SchemaOf(other) is null && IsOwner(other) && walk.MayHoldMatches(schema.Body))
            {
                walk.Owner(other, schema);
            }
        }

        return walk.Found;
    }

    /// <summary>
    /// Visits every block body under the owners (see <see cref="IsOwner"/>) once: each checked body with its schemas, and through its
    /// syntax each body the checked bodies do not reach (those of blocks a checked body does not know or does not enter,
    /// and those of owners with no schema: imported and unknown components). Rules that look at every body so read a large
    /// configuration from the compact checked bodies, and a statement's syntax only when it matters.
    /// </summary>
    /// <param name="visitChecked">Called for each checked body of an owner.</param>
    /// <param name="visitSyntax">
    /// Called with the owner, the body and the blocks from the owner's body down to the body's block (empty for the
    /// owner's own body): it visits that body and every body inside it.
    /// </param>
    public static void VisitOwnerBodies(SemanticModel model, Action<CheckedBody> visitChecked, Action<ModelBlock, Body, List<BlockStatement>> visitSyntax)
    {
        // An owner's bodies come one after another: its kind is read (a cache miss in a large file) once for all of them.
        ModelBlock? lastOwner = null;
        var isOwner = false;
        foreach (var body in model.CheckedBodies)
        {
            if (!ReferenceEquals(body.Owner, lastOwner))
            {
                lastOwner = body.Owner;
                isOwner = IsOwner(lastOwner);
            }

            if (!isOwner)
            {
                continue;
            }

            visitChecked(body);
            foreach (var statement in body.Statements)
            {
                if (statement.Attribute is null && statement.Block is not { FreeForm: false } && statement.Syntax is BlockStatement block)
                {
                    visitSyntax(body.Owner, block.Body, [.. PathTo(body), block]);
                }
            }
        }

        foreach (var owner in model.AllBlocks)
        {
            if (ModelSchemas.BodySchemaOf(owner) is null && IsOwner(owner))
            {
                visitSyntax(owner, owner.Block.Body, []);
            }
        }
    }

    /// <summary>A block as messages name it: <c>`loki.write "default"`</c>, <c>`logging`</c>.</summary>
    public static string Describe(ModelBlock block) => $"`{block.DisplayName}`";

    /// <summary>A place inside a block as messages name it: <c>`loki.write "default"` › `endpoint` › `basic_auth`</c>.</summary>
    public static string Describe(ModelBlock owner, IEnumerable<BlockStatement> nestedBlocks)
    {
        var text = new StringBuilder(Describe(owner));
        foreach (var block in nestedBlocks)
        {
            text.Append(" › `").Append(block.Name).Append('`');
        }

        return text.ToString();
    }

    /// <summary>The blocks leading to a checked body, as <see cref="PathTo(ModelBlock, BlockStatement)"/> finds them.</summary>
    internal static ImmutableArray<BlockStatement> PathTo(CheckedBody body) => PathTo(body.Owner, body.Block);

    /// <summary>
    /// The nested blocks from <paramref name="owner"/>'s body down to <paramref name="block"/> (with it; empty for the
    /// owner's own block): at each level, the block whose span holds it.
    /// </summary>
    internal static ImmutableArray<BlockStatement> PathTo(ModelBlock owner, BlockStatement block)
    {
        var path = ImmutableArray.CreateBuilder<BlockStatement>();
        for (var current = owner.Block; !ReferenceEquals(current, block);)
        {
            current = Enclosing(current.Body, block.Span);
            path.Add(current);
        }

        return path.ToImmutable();
    }

    private static BlockStatement Enclosing(Body body, TextSpan span)
    {
        foreach (var statement in body.Statements)
        {
            if (statement is BlockStatement block && block.Span.Start <= span.Start && span.End <= block.Span.End)
            {
                return block;
            }
        }

        throw new InvalidOperationException($"No block of the body holds {span}.");
    }

    /// <summary>
    /// Whether the block owns the arguments it holds: the components and configuration blocks at any depth, without the
    /// <c>declare</c> and <c>foreach</c> blocks themselves (what they hold is an owner of its own, and their own
    /// arguments hold no credentials).
    /// </summary>
    // Components first: no component is called declare or foreach, and reading a block's name is a cache miss in a large file.
    private static bool IsOwner(ModelBlock block) => block is ComponentInstance || block.Name is not ("declare" or "foreach");

    /// <summary>Whether the owner's body is among the checked bodies with its catalog schema: not a custom or imported component.</summary>
    private static bool IsCheckedAgainstCatalog(ModelBlock owner) => ModelSchemas.SchemaOf(owner) is not null && IsOwner(owner);

    private sealed class Walker(Func<AttributeSchema, bool> attributes, Func<BlockSchema, bool> blocks, Func<Statement, bool>? statements)
    {
        private readonly List<BlockStatement> _path = [];
        private readonly Dictionary<Catalog.BodySchema, bool> _mayHoldMatches = [];

        public List<CatalogArgument> Found { get; } = [];

        /// <summary>Whether a body of this schema, or a body nested in it at any depth, can hold what the filters accept; the walk skips the others.</summary>
        public bool MayHoldMatches(Catalog.BodySchema schema)
        {
            if (!_mayHoldMatches.TryGetValue(schema, out var result))
            {
                _mayHoldMatches[schema] = result = Reaches(schema, []);
            }

            return result;
        }

        public void Owner(ModelBlock owner, ComponentSchema schema) => Walk(owner, schema, owner.Block.Body, schema.Body);

        /// <summary>Finds the matches among a checked body's statements by the schemas the body already holds.</summary>
        public void Body(CheckedBody body)
        {
            foreach (var statement in body.Statements)
            {
                if ((statement.Attribute is { } attribute ? attributes(attribute) : statement.Block is { } block && blocks(block))
                    && (statements is null || statements(statement.Syntax)))
                {
                    Found.Add(new CatalogArgument(body.Owner, body.Owner.CatalogSchema!, body.Block, body.Schema, statement.Syntax, statement.Attribute, statement.Block));
                }
            }
        }

        private void Walk(ModelBlock owner, ComponentSchema ownerSchema, Body body, Catalog.BodySchema schema)
        {
            foreach (var statement in body.Statements)
            {
                switch (statement)
                {
                    case AttributeStatement attribute when schema.FindAttribute(attribute.Name.Name) is { } attributeSchema:
                        if (attributes(attributeSchema) && (statements is null || statements(attribute)))
                        {
                            Found.Add(new CatalogArgument(owner, ownerSchema, BodyBlock(owner), schema, attribute, attributeSchema, null));
                        }

                        break;
                    case BlockStatement block when schema.FindBlock(block.Name) is { } blockSchema:
                        if (blocks(blockSchema) && (statements is null || statements(block)))
                        {
                            Found.Add(new CatalogArgument(owner, ownerSchema, BodyBlock(owner), schema, block, null, blockSchema));
                        }

                        if (MayHoldMatches(blockSchema.Body))
                        {
                            _path.Add(block);
                            Walk(owner, ownerSchema, block.Body, blockSchema.Body);
                            _path.RemoveAt(_path.Count - 1);
                        }

                        break;
                }
            }
        }

        private BlockStatement BodyBlock(ModelBlock owner) => _path.Count == 0 ? owner.Block : _path[^1];

        /// <summary>Depth first through the nested block schemas (recursive ones such as <c>stage.match</c> are entered once).</summary>
        private bool Reaches(Catalog.BodySchema schema, HashSet<Catalog.BodySchema> visited)
        {
            if (!visited.Add(schema))
            {
                return false;
            }

            foreach (var attribute in schema.Attributes)
            {
                if (attributes(attribute))
                {
                    return true;
                }
            }

            foreach (var block in schema.Blocks)
            {
                if (blocks(block) || Reaches(block.Body, visited))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
