using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Catalog;

/// <summary>One block body to check against its schema: the body of a component or config block, or of a nested block.</summary>
/// <param name="Schema">What it accepts.</param>
/// <param name="Owner">The component or config block it belongs to.</param>
/// <param name="Block">The block statement whose body this is (the owner's own for its top level).</param>
/// <param name="Statements">The body's statements in source order, each with its schema (looked up once for all the rules).</param>
public readonly record struct CheckedBody(BodySchema Schema, ModelBlock Owner, BlockStatement Block, ReadOnlyMemory<CheckedStatement> Statements)
{
    /// <summary>The body as written.</summary>
    public Body Syntax => Block.Body;

    /// <summary>True for the owner's own body, false for a nested block's.</summary>
    public bool IsOwnerBody => ReferenceEquals(Block, Owner.Block);

    /// <summary>How messages name where the body is: <c>loki.write "default"</c> or <c>endpoint block of loki.write "default"</c>.</summary>
    public string Where => IsOwnerBody ? Owner.DisplayName : $"{Block.Name} block of {Owner.DisplayName}";
}

/// <summary>A statement of a checked body and what the body's schema says about it.</summary>
public readonly struct CheckedStatement
{
    private readonly object? _schema;

    internal CheckedStatement(Statement syntax, object? schema)
    {
        Syntax = syntax;
        _schema = schema;
    }

    /// <summary>The attribute or block as written.</summary>
    public Statement Syntax { get; }

    /// <summary>For an attribute: its schema, or null when the body accepts no argument of that name.</summary>
    public AttributeSchema? Attribute => _schema as AttributeSchema;

    /// <summary>For a block: its schema, or null when the body accepts no block of that name.</summary>
    public BlockSchema? Block => _schema as BlockSchema;

    /// <summary>
    /// Whether the body's schema accepts the statement. Rules test this (or <see cref="Attribute"/>, <see cref="Block"/>)
    /// before <see cref="Syntax"/>: the schemas are few and cached, while reading each statement of a large file is a cache miss.
    /// </summary>
    public bool IsKnown => _schema is not null;
}

/// <summary>What the blocks of the semantic model are against the catalog: built-in schema, custom component, import, or unknown.</summary>
public static class ModelSchemas
{
    /// <summary>The catalog schema of a component or config block; null for custom, imported and unknown components.</summary>
    public static ComponentSchema? SchemaOf(ModelBlock block) =>
        block is ComponentInstance { Declaration: not null } or ComponentInstance { Import: not null } ? null : block.CatalogSchema;

    /// <summary>True for a component that is neither built in, declared in scope, nor from an imported module.</summary>
    public static bool IsUnknownComponent(ComponentInstance component) =>
        component.Declaration is null && component.Import is null && SchemaOf(component) is null;

    /// <summary>
    /// The schema a block's body is checked against: the catalog's, or for a custom component its declared
    /// arguments; null when it cannot be checked (imported or unknown components, and <c>declare</c> whose body is a module).
    /// </summary>
    public static BodySchema? BodySchemaOf(ModelBlock block)
    {
        if (block is ComponentInstance { Declaration: { } declaration })
        {
            return CustomComponentOf(declaration).Arguments;
        }

        return block.Name == "declare" ? null : SchemaOf(block)?.Body;
    }

    /// <summary>The arguments and exports of the custom component a <c>declare</c> block defines.</summary>
    public static CustomComponentSchema CustomComponentOf(ConfigBlock declare) =>
        declare.CustomComponent ??= CustomComponentSchema.From(declare.Block);

    /// <summary>
    /// For each block in turn, its body and every nested block body whose schema is known, outermost first, in
    /// source order. Unknown nested blocks and free-form ones (the foreach template, whose components the model
    /// holds) are not entered. <see cref="SemanticModel.CheckedBodies"/> keeps the result for the rules.
    /// </summary>
    public static ChunkedList<CheckedBody> CheckedBodies(IEnumerable<ModelBlock> blocks)
    {
        var collector = new CheckedBodyCollector();
        foreach (var block in blocks)
        {
            if (BodySchemaOf(block) is { } schema)
            {
                collector.Add(block.Block, schema, block);
            }
        }

        return collector.Bodies;
    }

    /// <summary>
    /// Collects the bodies, and their statements into a few large shared arrays (each body a slice of one), so that
    /// the hundreds of thousands of statements of a large configuration cost no object each.
    /// </summary>
    private sealed class CheckedBodyCollector
    {
        // Chunks double from the first to the last length: a small configuration needs no 64 KB chunk.
        private const int FirstChunkLength = 64;
        private const int ChunkLength = 4096;

        private CheckedStatement[] _chunk = [];
        private int _used;

        public ChunkedList<CheckedBody> Bodies { get; } = new();

        public void Add(BlockStatement block, BodySchema schema, ModelBlock owner)
        {
            var syntax = block.Body.Statements;
            if (_chunk.Length - _used < syntax.Length)
            {
                var length = Math.Clamp(_chunk.Length * 2, FirstChunkLength, ChunkLength);
                (_chunk, _used) = (new CheckedStatement[Math.Max(length, syntax.Length)], 0);
            }

            var statements = _chunk.AsMemory(_used, syntax.Length);
            var written = statements.Span;
            _used += syntax.Length;
            for (var i = 0; i < syntax.Length; i++)
            {
                written[i] = syntax[i] switch
                {
                    AttributeStatement attribute => new CheckedStatement(attribute, schema.FindAttribute(attribute.Name.Name)),
                    BlockStatement inner => new CheckedStatement(inner, schema.FindBlock(inner.Name)),
                    var other => new CheckedStatement(other, null),
                };
            }

            Bodies.Add(new CheckedBody(schema, owner, block, statements));
            foreach (var statement in written)
            {
                if (statement is { Block: { FreeForm: false } innerSchema, Syntax: BlockStatement inner })
                {
                    Add(inner, innerSchema.Body, owner);
                }
            }
        }
    }
}

/// <summary>A custom component from <c>declare</c>: one argument per <c>argument</c> block (required unless <c>optional = true</c>) and its exports.</summary>
public sealed class CustomComponentSchema
{
    private CustomComponentSchema(BodySchema arguments, IReadOnlyList<string> exports)
    {
        Arguments = arguments;
        Exports = exports;
    }

    public BodySchema Arguments { get; }

    /// <summary>The labels of its <c>export</c> blocks.</summary>
    public IReadOnlyList<string> Exports { get; }

    internal static CustomComponentSchema From(BlockStatement declare)
    {
        var arguments = new List<AttributeSchema>();
        var exports = new List<string>();
        foreach (var block in declare.Body.Blocks)
        {
            if (block.Label is not { Value.Length: > 0 } label)
            {
                continue;
            }

            if (block.Name == "argument" && arguments.All(argument => argument.Name != label.Value))
            {
                var optional = block.Body.Attributes.LastOrDefault(attribute => attribute.Name.Name == "optional")?.Value;
                // Alloy requires the argument unless `optional` is true; anything but a literal false is given the benefit of the doubt.
                var required = optional is null or LiteralExpression { Kind: LiteralKind.Bool, RawText: "false" };
                arguments.Add(new AttributeSchema(label.Value, AlloyType.Any) { Required = required });
            }
            else if (block.Name == "export")
            {
                exports.Add(label.Value);
            }
        }

        return new CustomComponentSchema(new BodySchema(arguments, []), exports);
    }
}
