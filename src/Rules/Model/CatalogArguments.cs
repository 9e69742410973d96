using System.Collections.Immutable;
using System.Text;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Catalog;

namespace AlloyLint.Rules.Model;

/// <summary>
/// An attribute or block written inside a component or top-level block that the catalog knows, with its schema:
/// <see cref="Owner"/> is the component or top-level block, <see cref="Blocks"/> the nested blocks from it down to
/// the statement's body (empty when the statement is directly in the owner), <see cref="ParentSchema"/> the schema
/// of that body.
/// </summary>
public sealed record CatalogArgument(
    ModelBlock Owner,
    ComponentSchema OwnerSchema,
    ImmutableArray<BlockStatement> Blocks,
    Catalog.BodySchema ParentSchema,
    Statement Statement,
    AttributeSchema? Attribute,
    BlockSchema? Block)
{
    public SyntaxTree Tree => Owner.Tree;

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
    /// accepts, owner by owner, each owner's bodies outermost first and in source order. Only those are materialised:
    /// finding them allocates nothing per statement.
    /// </summary>
    public static IReadOnlyList<CatalogArgument> Where(SemanticModel model, Func<AttributeSchema, bool> attributes, Func<BlockSchema, bool> blocks)
    {
        var walk = new Walker(attributes, blocks);

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
    /// The components and configuration blocks at any depth, without the <c>declare</c> and <c>foreach</c> blocks
    /// themselves: what they hold is listed on its own, and their own arguments hold no credentials.
    /// </summary>
    public static IEnumerable<ModelBlock> Owners(SemanticModel model) => model.AllBlocks.Where(IsOwner);

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

    // Components first: no component is called declare or foreach, and reading a block's name is a cache miss in a large file.
    private static bool IsOwner(ModelBlock block) => block is ComponentInstance || block.Name is not ("declare" or "foreach");

    /// <summary>Whether the owner's body is among the checked bodies with its catalog schema: not a custom or imported component.</summary>
    private static bool IsCheckedAgainstCatalog(ModelBlock owner) => ModelSchemas.SchemaOf(owner) is not null && IsOwner(owner);

    private sealed class Walker(Func<AttributeSchema, bool> attributes, Func<BlockSchema, bool> blocks)
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
            ImmutableArray<BlockStatement> path = default;
            foreach (var statement in body.Statements.Span)
            {
                if (statement.Attribute is { } attribute ? attributes(attribute) : statement.Block is { } block && blocks(block))
                {
                    // Matches in the same body share the blocks leading to it, worked out for the first.
                    path = path.IsDefault ? PathTo(body) : path;
                    Found.Add(new CatalogArgument(body.Owner, body.Owner.CatalogSchema!, path, body.Schema, statement.Syntax, statement.Attribute, statement.Block));
                }
            }
        }

        /// <summary>The blocks from the owner's body down to the checked body's own block: at each level, the one whose span holds it.</summary>
        private static ImmutableArray<BlockStatement> PathTo(CheckedBody body)
        {
            if (body.IsOwnerBody)
            {
                return [];
            }

            var path = ImmutableArray.CreateBuilder<BlockStatement>();
            var target = body.Block.Span;
            var current = body.Owner.Block.Body;
            while (true)
            {
                var next = current.Statements.OfType<BlockStatement>().First(block => block.Span.Start <= target.Start && target.End <= block.Span.End);
                path.Add(next);
                if (ReferenceEquals(next, body.Block))
                {
                    return path.ToImmutable();
                }

                current = next.Body;
            }
        }

        private void Walk(ModelBlock owner, ComponentSchema ownerSchema, Body body, Catalog.BodySchema schema)
        {
            foreach (var statement in body.Statements)
            {
                switch (statement)
                {
                    case AttributeStatement attribute when schema.FindAttribute(attribute.Name.Name) is { } attributeSchema:
                        if (attributes(attributeSchema))
                        {
                            Found.Add(new CatalogArgument(owner, ownerSchema, [.. _path], schema, attribute, attributeSchema, null));
                        }

                        break;
                    case BlockStatement block when schema.FindBlock(block.Name) is { } blockSchema:
                        if (blocks(blockSchema))
                        {
                            Found.Add(new CatalogArgument(owner, ownerSchema, [.. _path], schema, block, null, blockSchema));
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
