using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace AlloyLint.Rules.Catalog;

/// <summary>Alloy's stability levels, lowest first (the order <c>--stability.level</c> compares).</summary>
public enum Stability
{
    Experimental,
    PublicPreview,
    GenerallyAvailable,

    /// <summary>Community components: no stability level; gated by <c>--feature.community-components.enabled</c>.</summary>
    Undefined,
}

public enum SchemaKind
{
    Component,

    /// <summary>A runtime config block: logging, tracing, argument, export, declare, foreach, import.*.</summary>
    RuntimeBlock,

    /// <summary>A service config block: http, remotecfg, livedebugging, labelstore.</summary>
    ServiceBlock,
}

/// <summary>Where a config block may be written.</summary>
public enum BlockPlacement
{
    /// <summary>Only in the root configuration (not in a declare, module or foreach).</summary>
    Root,

    /// <summary>Only inside a module (a declare body or an imported module).</summary>
    Module,
    Anywhere,
}

/// <summary>
/// The wiring class of a capsule or list value, so that a logs receiver is not wired into a metrics
/// <c>forward_to</c>.
/// </summary>
public enum Signal
{
    None,

    /// <summary><c>storage.Appendable</c>, the docs' MetricsReceiver.</summary>
    PrometheusMetrics,
    LokiLogs,

    /// <summary><c>otelcol.Consumer</c>; <see cref="AttributeSchema.OtelSignal"/> narrows it.</summary>
    Otel,
    Profiles,
    Targets,
    OtelAuth,
    OtelExtension,
    RelabelRules,
}

/// <summary>The OpenTelemetry data kinds an otelcol consumer handles or an output key carries.</summary>
[Flags]
public enum OtelSignals
{
    None = 0,
    Metrics = 1,
    Logs = 2,
    Traces = 4,
}

/// <summary>A component or a top-level config block.</summary>
public sealed class ComponentSchema
{
    internal ComponentSchema(string name, SchemaKind kind, Stability stability, BodySchema body, IReadOnlyList<ExportSchema> exports)
    {
        Name = name;
        Kind = kind;
        Stability = stability;
        Body = body;
        Exports = exports;
    }

    public string Name { get; }

    public SchemaKind Kind { get; }

    public Stability Stability { get; }

    /// <summary>Community components (no stability level; need the community feature flag).</summary>
    public bool Community { get; internal init; }

    /// <summary>Whether the block takes a label; every component does.</summary>
    public bool Labeled { get; internal init; }

    /// <summary>Whether several blocks of this name may exist (with distinct labels); false for logging, tracing, http...</summary>
    public bool Repeatable { get; internal init; }

    /// <summary>Where a config block may appear; components may appear anywhere.</summary>
    public BlockPlacement Placement { get; internal init; } = BlockPlacement.Anywhere;

    /// <summary>For otelcol consumers: the signals their <c>input</c> export handles.</summary>
    public OtelSignals OtelInputSignals { get; internal init; }

    /// <summary>
    /// True when <see cref="OtelInputSignals"/> comes from the Go source (exporters, connectors); false when it
    /// comes from a docs sentence, which is weaker.
    /// </summary>
    public bool OtelInputSignalsFromSource { get; internal init; }

    /// <summary>For connectors: the signals they emit.</summary>
    public OtelSignals OtelOutputSignals { get; internal init; }

    /// <summary>A Go build constraint when the component exists only on some platforms (e.g. <c>linux</c>).</summary>
    public string? BuildConstraint { get; internal init; }

    /// <summary>The arguments and blocks accepted in the body.</summary>
    public BodySchema Body { get; }

    public IReadOnlyList<ExportSchema> Exports { get; }

    public bool IsConfigBlock => Kind != SchemaKind.Component;

    public ExportSchema? FindExport(string name)
    {
        // By index: a foreach over the interface would allocate an enumerator per lookup, and rules look up an export per reference.
        for (var i = 0; i < Exports.Count; i++)
        {
            if (Exports[i].Name == name)
            {
                return Exports[i];
            }
        }

        return null;
    }

    public override string ToString() => Name;
}

/// <summary>What a block body (or a component body) accepts.</summary>
public sealed class BodySchema
{
    // Arrays, so that a statement's schema is found from its code (see StatementCode) without an interface call.
    private readonly AttributeSchema[] _attributes;
    private readonly BlockSchema[] _blocks;
    private NameIndex<AttributeSchema>? _attributesByName;
    private NameIndex<BlockSchema>? _blocksByName;
    private object?[]? _schemasByCode;

    internal BodySchema(IReadOnlyList<AttributeSchema> attributes, IReadOnlyList<BlockSchema> blocks)
    {
        _attributes = [.. attributes];
        _blocks = [.. blocks];
    }

    public static BodySchema Empty { get; } = new([], []);

    public IReadOnlyList<AttributeSchema> Attributes => _attributes;

    public IReadOnlyList<BlockSchema> Blocks => _blocks;

    /// <summary>The attributes that must be written.</summary>
    public ImmutableArray<AttributeSchema> RequiredAttributes => field.IsDefault ? field = [.. Attributes.Where(attribute => attribute.Required)] : field;

    /// <summary>The blocks that must be written.</summary>
    public ImmutableArray<BlockSchema> RequiredBlocks => field.IsDefault ? field = [.. Blocks.Where(block => block.Required)] : field;

    // The indexes are built on first use: most schemas of the catalog are never asked. Threads racing may each build one; either serves.

    /// <summary>The attribute called <paramref name="name"/> (the first one when listed twice), or null.</summary>
    public AttributeSchema? FindAttribute(string name) => AttributesByName.Find(name);

    /// <summary>The block called <paramref name="name"/> (the first one when listed twice), or null.</summary>
    public BlockSchema? FindBlock(string name) => BlocksByName.Find(name);

    /// <summary>
    /// Numbers what the body accepts, so that a statement's schema fits in a small number: 0 for nothing, 1 to
    /// <c>Attributes.Count</c> for the attributes in order, then the blocks in order.
    /// </summary>
    internal int AttributeCode(string name) => AttributesByName.PositionOf(name) + 1;

    /// <summary>The code (see <see cref="AttributeCode"/>) of the block called <paramref name="name"/>; 0 when the body accepts none.</summary>
    internal int BlockCode(string name) => BlocksByName.PositionOf(name) is var position and >= 0 ? _attributes.Length + position + 1 : 0;

    /// <summary>
    /// The code past the last one a statement's schema can have: a statement of a schema with more names than codes can
    /// number (a declare with tens of thousands of arguments) gets this code, and its schema is looked up by name.
    /// </summary>
    internal const int LookedUpByName = ushort.MaxValue;

    /// <summary>
    /// What each code (see <see cref="AttributeCode"/>) below <see cref="LookedUpByName"/> stands for: null at 0, then the
    /// attributes, then the blocks (built on first use).
    /// </summary>
    internal object?[] SchemasByCode => _schemasByCode ?? BuildSchemasByCode();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private object?[] BuildSchemasByCode() => _schemasByCode = [.. new object?[] { null }.Concat(_attributes).Concat(_blocks).Take(LookedUpByName)];

    // Built apart from their reads, which the model makes for every statement: the reads stay small enough to be inlined.
    private NameIndex<AttributeSchema> AttributesByName => _attributesByName ?? BuildAttributesByName();

    private NameIndex<BlockSchema> BlocksByName => _blocksByName ?? BuildBlocksByName();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private NameIndex<AttributeSchema> BuildAttributesByName() => _attributesByName = new(_attributes, static attribute => attribute.Name);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private NameIndex<BlockSchema> BuildBlocksByName() => _blocksByName = new(_blocks, static block => block.Name);
}

/// <summary>An argument written <c>name = value</c>.</summary>
public sealed class AttributeSchema
{
    internal AttributeSchema(string name, AlloyType type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public AlloyType Type { get; }

    /// <summary>Required by the decoder: Alloy refuses the configuration without it.</summary>
    public bool Required { get; internal init; }

    /// <summary>The docs say required although the decoder does not (usually checked later by Validate()).</summary>
    public bool DocsRequired { get; internal init; }

    /// <summary>Heuristic from the Go field comment.</summary>
    public bool Deprecated { get; internal init; }

    /// <summary>The static default as compact JSON (<c>"1m"</c>, <c>true</c>, <c>10</c>, <c>[]</c>), or null when none is known.</summary>
    public string? DefaultJson { get; internal init; }

    public Signal Signal { get; internal init; }

    /// <summary>For the lists of an otelcol <c>output</c> block: the signal the key carries.</summary>
    public OtelSignals OtelSignal { get; internal init; }

    /// <summary>Extra parsing of a string, e.g. <c>bytes</c> (<c>"10MiB"</c>).</summary>
    public string? Format { get; internal init; }

    /// <summary>The only string values accepted, when the catalog knows them (e.g. logging level).</summary>
    public IReadOnlyList<string>? AllowedValues { get; internal init; }

    /// <summary>For attributes decoded into a Go struct (an object or a list of objects): its known fields.</summary>
    public IReadOnlyList<AttributeSchema>? ObjectFields { get; internal init; }

    /// <summary>True when the value is a secret (or a list or map of secrets): literals there are hard-coded credentials.</summary>
    public bool IsSecret => Type.ContainsSecret;

    public override string ToString() => $"{Name} ({Type})";
}

/// <summary>A nested block written <c>name { ... }</c>.</summary>
public sealed class BlockSchema
{
    private readonly Func<BodySchema> bodyFactory;
    private BodySchema? body;

    internal BlockSchema(string name, Func<BodySchema> bodyFactory)
    {
        Name = name;
        this.bodyFactory = bodyFactory;
    }

    public string Name { get; }

    /// <summary>A required block must appear (at least once when repeated).</summary>
    public bool Required { get; internal init; }

    /// <summary>The block may be written several times.</summary>
    public bool Repeated { get; internal init; }

    /// <summary>The block takes a label.</summary>
    public bool Labeled { get; internal init; }

    public bool Deprecated { get; internal init; }

    /// <summary>For flattened enum members such as <c>stage.json</c>: the group (<c>stage</c>).</summary>
    public string? EnumGroup { get; internal init; }

    /// <summary>
    /// True when the body is not schema-checked: the <c>template</c> of <c>foreach</c> holds arbitrary components.
    /// </summary>
    public bool FreeForm { get; internal init; }

    /// <summary>The block's body; recursive blocks (<c>stage.match</c> in <c>stage.match</c>) share their ancestor's.</summary>
    public BodySchema Body => body ??= bodyFactory();

    public override string ToString() => Name;
}

/// <summary>A value a component exports, referenced as <c>component.label.name</c>.</summary>
public sealed class ExportSchema(string name, AlloyType type, Signal signal)
{
    public string Name { get; } = name;

    public AlloyType Type { get; } = type;

    public Signal Signal { get; } = signal;

    public override string ToString() => $"{Name} ({Type})";
}
