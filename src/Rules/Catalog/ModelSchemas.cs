using System.Runtime.CompilerServices;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Catalog;

/// <summary>One block body to check against its schema: the body of a component or config block, or of a nested block.</summary>
public readonly struct CheckedBody
{
    private readonly ushort[] _codes;
    private readonly int _start;
    private readonly int _length;

    internal CheckedBody(BodySchema schema, ModelBlock owner, BlockStatement block, ushort[] codes, int start, int length)
    {
        Schema = schema;
        Owner = owner;
        Block = block;
        (_codes, _start, _length) = (codes, start, length);
    }

    /// <summary>What it accepts.</summary>
    public BodySchema Schema { get; }

    /// <summary>The component or config block it belongs to.</summary>
    public ModelBlock Owner { get; }

    /// <summary>The block statement whose body this is (the owner's own for its top level).</summary>
    public BlockStatement Block { get; }

    /// <summary>The body as written.</summary>
    public Body Syntax => Block.Body;

    /// <summary>The body's statements in source order, each with its schema (looked up once for all the rules).</summary>
    public CheckedStatements Statements
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Schema, Block, new ReadOnlySpan<ushort>(_codes, _start, _length));
    }

    /// <summary>True for the owner's own body, false for a nested block's.</summary>
    public bool IsOwnerBody => ReferenceEquals(Block, Owner.Block);

    /// <summary>How messages name where the body is: <c>loki.write "default"</c> or <c>endpoint block of loki.write "default"</c>.</summary>
    public string Where => IsOwnerBody ? Owner.DisplayName : $"{Block.Name} block of {Owner.DisplayName}";
}

/// <summary>The statements of a <see cref="CheckedBody"/>, each with what the body's schema says about it.</summary>
public readonly ref struct CheckedStatements
{
    private readonly BodySchema _schema;
    private readonly object?[] _schemasByCode;
    private readonly BlockStatement _block;
    private readonly ReadOnlySpan<ushort> _codes;

    internal CheckedStatements(BodySchema schema, BlockStatement block, ReadOnlySpan<ushort> codes)
    {
        _schema = schema;
        _schemasByCode = schema.SchemasByCode;
        _block = block;
        _codes = codes;
    }

    public int Length => _codes.Length;

    public CheckedStatement this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _codes[index] is var code && code < (uint)_schemasByCode.Length
            ? new(_schemasByCode[code], _block, index)
            : new(CheckedStatement.LookUp(_schema, _block.Body.Statements[index]), _block, index);
    }

    public Enumerator GetEnumerator() => new(this);

    public ref struct Enumerator
    {
        private readonly CheckedStatements _statements;
        private int _index;

        internal Enumerator(CheckedStatements statements)
        {
            _statements = statements;
            _index = -1;
        }

        public readonly CheckedStatement Current => _statements[_index];

        public bool MoveNext() => ++_index < _statements.Length;
    }
}

/// <summary>A statement of a checked body and what the body's schema says about it.</summary>
/// <remarks>
/// The model keeps of each statement only a code for its schema (see <see cref="BodySchema.AttributeCode"/>): two bytes
/// instead of two references, for the hundreds of thousands of statements of a large configuration. The statement
/// itself is read from its body's syntax when asked for.
/// </remarks>
public readonly struct CheckedStatement
{
    /// <summary>The statement's <see cref="AttributeSchema"/> or <see cref="BlockSchema"/>, or null.</summary>
    private readonly object? _schema;
    private readonly BlockStatement _block;
    private readonly int _index;

    /// <param name="schema">The statement's <see cref="AttributeSchema"/> or <see cref="BlockSchema"/>, or null.</param>
    internal CheckedStatement(object? schema, BlockStatement block, int index)
    {
        _schema = schema;
        _block = block;
        _index = index;
    }

    /// <summary>The attribute or block as written.</summary>
    public Statement Syntax => _block.Body.Statements[_index];

    /// <summary>For an attribute: its schema, or null when the body accepts no argument of that name.</summary>
    public AttributeSchema? Attribute => _schema as AttributeSchema;

    /// <summary>For a block: its schema, or null when the body accepts no block of that name.</summary>
    public BlockSchema? Block => _schema as BlockSchema;

    /// <summary>
    /// Whether the body's schema accepts the statement. Rules test this (or <see cref="Attribute"/>, <see cref="Block"/>)
    /// before <see cref="Syntax"/>: the schemas are few and cached, while reading each statement of a large file is a cache miss.
    /// </summary>
    public bool IsKnown => _schema is not null;

    /// <summary>The code of a statement's schema: its <see cref="BodySchema.AttributeCode"/> or <see cref="BodySchema.BlockCode"/>.</summary>
    internal static ushort CodeOf(Statement statement, BodySchema schema)
    {
        var code = statement switch
        {
            AttributeStatement attribute => schema.AttributeCode(attribute.Name.Name),
            BlockStatement block => schema.BlockCode(block.Name),
            _ => 0,
        };
        return (ushort)Math.Min(code, BodySchema.LookedUpByName);
    }

    /// <summary>The schema <paramref name="schema"/> has for <paramref name="statement"/>, looked up by its name.</summary>
    internal static object? LookUp(BodySchema schema, Statement statement) => statement switch
    {
        AttributeStatement attribute => schema.FindAttribute(attribute.Name.Name),
        BlockStatement block => schema.FindBlock(block.Name),
        _ => null,
    };
}

/// <summary>
/// The checked bodies of a model (<see cref="SemanticModel.CheckedBodies"/>). Compact, as a large configuration has
/// tens of thousands: the statements' codes go into a few large shared arrays (each body a slice of one), and a body
/// keeps neither its owner (its owner's bodies come one after another, found by where they start) nor a slice object.
/// </summary>
public sealed class CheckedBodyList : IEnumerable<CheckedBody>
{
    private readonly ChunkedList<Entry> _entries;
    private readonly ushort[][] _codeChunks;
    private readonly List<ModelBlock> _owners;

    /// <summary>Where the bodies of block i (by <see cref="ModelBlock.Index"/>) start in <see cref="_entries"/>; the last entry is the count.</summary>
    private readonly int[] _starts;

    internal CheckedBodyList(ChunkedList<Entry> entries, ushort[][] codeChunks, List<ModelBlock> owners, int[] starts) =>
        (_entries, _codeChunks, _owners, _starts) = (entries, codeChunks, owners, starts);

    public int Count => _entries.Count;

    /// <summary>Enumerates without allocating or calling through an interface: rules walk lists of a hundred thousand bodies.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<CheckedBody> IEnumerable<CheckedBody>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// A body as stored: the slice of its statements' codes is <see cref="Length"/> codes from <see cref="Position"/>, which
    /// says which chunk of codes (its high bits) and where in it (its low <see cref="ModelSchemas.CheckedBodyCollector.OffsetBits"/> bits).
    /// </summary>
    internal readonly record struct Entry(BodySchema Schema, BlockStatement Block, int Position, int Length);

    /// <remarks>A step moves indexes (and the owner, when it changes): the body is put together when read.</remarks>
    public struct Enumerator(CheckedBodyList list) : IEnumerator<CheckedBody>
    {
        private ChunkedList<Entry>.Enumerator _entries = list._entries.GetEnumerator();
        private int _index = -1;
        private int _ownerIndex = -1;
        private ModelBlock? _owner;

        // Where the next owner's bodies start: until there, a step keeps the owner.
        private int _nextOwnerStart;

        public readonly CheckedBody Current
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get
            {
                var entry = _entries.Current;
                var codes = list._codeChunks[entry.Position >> ModelSchemas.CheckedBodyCollector.OffsetBits];
                return new(entry.Schema, _owner!, entry.Block, codes, entry.Position & ModelSchemas.CheckedBodyCollector.OffsetMask, entry.Length);
            }
        }

        readonly object System.Collections.IEnumerator.Current => Current;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MoveNext()
        {
            if (!_entries.MoveNext())
            {
                return false;
            }

            if (++_index >= _nextOwnerStart)
            {
                NextOwner();
            }

            return true;
        }

        public void Reset() => (this._entries, _index, _ownerIndex, _owner, _nextOwnerStart) = (list._entries.GetEnumerator(), -1, -1, null, 0);

        public readonly void Dispose()
        {
        }

        /// <summary>Moves to the owner of the current body (skipping blocks that have none).</summary>
        private void NextOwner()
        {
            while (list._starts[_ownerIndex + 1] <= _index)
            {
                _ownerIndex++;
            }

            _owner = list._owners[_ownerIndex];
            _nextOwnerStart = list._starts[_ownerIndex + 1];
        }
    }
}

/// <summary>What the blocks of the semantic model are against the catalog: built-in schema, custom component, import, or unknown.</summary>
public static class ModelSchemas
{
    /// <summary>The catalog schema of a component or config block; null for custom, imported and unknown components.</summary>
    public static ComponentSchema? SchemaOf(ModelBlock block) =>
        block is ComponentInstance { HasDefinition: true } ? null : block.CatalogSchema;

    /// <summary>True for a component that is neither built in, declared in scope, nor from an imported module.</summary>
    public static bool IsUnknownComponent(ComponentInstance component) =>
        !component.HasDefinition && component.CatalogSchema is null;

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
    /// Collects the checked bodies (<see cref="SemanticModel.CheckedBodies"/>): for each block in turn (<see cref="StartOwner"/>),
    /// its body and every nested block body whose schema is known, outermost first, in source order. Unknown nested
    /// blocks and free-form ones (the foreach template, whose components the model holds) are not entered. The model
    /// fills it in the same walk that finds the references.
    /// </summary>
    internal sealed class CheckedBodyCollector(List<ModelBlock> owners)
    {
        /// <summary>How many bits of a body's position say where in its chunk of codes it starts.</summary>
        public const int OffsetBits = 13;
        public const int OffsetMask = (1 << OffsetBits) - 1;

        // Chunks double from the first to the last length: a small configuration needs no 16 KB chunk. A body longer
        // than the last length has a chunk of its own.
        private const int FirstChunkLength = 64;
        private const int ChunkLength = 1 << OffsetBits;

        private readonly ChunkedList<CheckedBodyList.Entry> _entries = new();
        private readonly List<ushort[]> _chunks = [];
        private readonly int[] _starts = new int[owners.Count + 1];
        private ushort[] _chunk = [];
        private int _used;

        /// <summary>Starts the bodies of the next block of <see cref="SemanticModel.AllBlocks"/>: they are added before the next call.</summary>
        public void StartOwner(ModelBlock owner) => _starts[owner.Index] = _entries.Count;

        /// <summary>The bodies collected, once every block has had its turn.</summary>
        public CheckedBodyList Complete()
        {
            _starts[^1] = _entries.Count;
            return new(_entries, [.. _chunks], owners, _starts);
        }

        /// <summary>Adds a body and every body nested in it whose schema is known, outermost first.</summary>
        public void AddWithNested(BlockStatement block, BodySchema schema)
        {
            foreach (var statement in Add(block, schema))
            {
                if (statement.Block is { FreeForm: false } innerSchema)
                {
                    AddWithNested((BlockStatement)statement.Syntax, innerSchema.Body);
                }
            }
        }

        /// <summary>Adds one body of the current owner, not those nested in it, and gives its statements with their schemas.</summary>
        public CheckedStatements Add(BlockStatement block, BodySchema schema)
        {
            var syntax = block.Body.Statements;
            // The first body takes a chunk even when empty: its position names one.
            if (_chunks.Count == 0 || _chunk.Length - _used < syntax.Length)
            {
                var length = Math.Clamp(_chunk.Length * 2, FirstChunkLength, ChunkLength);
                (_chunk, _used) = (new ushort[Math.Max(length, syntax.Length)], 0);
                _chunks.Add(_chunk);
            }

            var codes = _chunk.AsSpan(_used, syntax.Length);
            for (var i = 0; i < syntax.Length; i++)
            {
                codes[i] = CheckedStatement.CodeOf(syntax[i], schema);
            }

            _entries.Add(new(schema, block, ((_chunks.Count - 1) << OffsetBits) | _used, syntax.Length));
            _used += syntax.Length;
            return new(schema, block, codes);
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
        var argumentNames = new HashSet<string>(StringComparer.Ordinal);
        var exports = new List<string>();
        foreach (var block in declare.Body.Blocks)
        {
            if (block.Label is not { Value.Length: > 0 } label)
            {
                continue;
            }

            if (block.Name == "argument" && argumentNames.Add(label.Value))
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
