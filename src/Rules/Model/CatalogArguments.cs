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
    public string Location
    {
        get
        {
            var text = new StringBuilder(CatalogArguments.Describe(Owner));
            foreach (var block in Blocks)
            {
                text.Append(" › `").Append(block.Name).Append('`');
            }

            return text.ToString();
        }
    }
}

/// <summary>
/// Walks the components and top-level blocks of a configuration (inside <c>declare</c> bodies and <c>foreach</c>
/// templates too) and yields every attribute and block the catalog describes. Custom components and unknown names are skipped.
/// </summary>
public static class CatalogArguments
{
    public static IEnumerable<CatalogArgument> In(SemanticModel model, ComponentCatalog catalog)
    {
        var found = new List<CatalogArgument>();
        foreach (var owner in Owners(model))
        {
            if ((catalog.FindComponent(owner.Name) ?? catalog.FindConfigBlock(owner.Name)) is { } schema)
            {
                Walk(owner, schema, [], owner.Block.Body, schema.Body, found);
            }
        }

        return found;
    }

    /// <summary>
    /// The components and configuration blocks at any depth, without the <c>declare</c> and <c>foreach</c> blocks
    /// themselves: what they hold is listed on its own, and their own arguments hold no credentials.
    /// </summary>
    public static IEnumerable<ModelBlock> Owners(SemanticModel model) =>
        model.AllBlocks.Where(block => block.Name is not ("declare" or "foreach"));

    /// <summary>A block as messages name it: <c>`loki.write "default"`</c>, <c>`logging`</c>.</summary>
    public static string Describe(ModelBlock block) => $"`{block.DisplayName}`";

    private static void Walk(
        ModelBlock owner,
        ComponentSchema ownerSchema,
        ImmutableArray<BlockStatement> blocks,
        Body body,
        Catalog.BodySchema schema,
        List<CatalogArgument> found)
    {
        foreach (var statement in body.Statements)
        {
            switch (statement)
            {
                case AttributeStatement attribute when schema.FindAttribute(attribute.Name.Name) is { } attributeSchema:
                    found.Add(new CatalogArgument(owner, ownerSchema, blocks, schema, attribute, attributeSchema, null));
                    break;
                case BlockStatement block when schema.FindBlock(block.Name) is { } blockSchema:
                    found.Add(new CatalogArgument(owner, ownerSchema, blocks, schema, block, null, blockSchema));
                    Walk(owner, ownerSchema, blocks.Add(block), block.Body, blockSchema.Body, found);
                    break;
            }
        }
    }
}
