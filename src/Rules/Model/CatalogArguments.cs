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
    /// accepts, in source order. Only those are materialised: the walk itself allocates nothing per statement.
    /// </summary>
    public static IReadOnlyList<CatalogArgument> Where(SemanticModel model, Func<AttributeSchema, bool> attributes, Func<BlockSchema, bool> blocks)
    {
        var walk = new Walker(attributes, blocks);
        foreach (var owner in model.AllBlocks)
        {
            if (IsOwner(owner) && owner.CatalogSchema is { } schema && walk.MayHoldMatches(schema.Body))
            {
                walk.Owner(owner, schema);
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

    private static bool IsOwner(ModelBlock block) => block.Name is not ("declare" or "foreach");

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
