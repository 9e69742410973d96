using System.Text;

namespace AlloyLint.Rules.Catalog;

/// <summary>
/// Reads one entry of the compact catalog text written by tools/catalog/generate.py (its header documents the
/// format). Entries are parsed on first use, so start-up only indexes entry names.
/// </summary>
internal static class CatalogReader
{
    /// <summary>The byte offsets where each entry (from its line <c>@name ...</c> to the next such line) starts and ends.</summary>
    public static Dictionary<string, (int Start, int End)> Index(ReadOnlySpan<byte> text)
    {
        var index = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        string? current = null;
        var currentStart = 0;
        for (var lineStart = text.StartsWith("@"u8) ? 0 : NextEntry(text, 0); lineStart < text.Length; lineStart = NextEntry(text, lineStart))
        {
            if (current is not null)
            {
                index[current] = (currentStart, lineStart);
            }

            var header = text[(lineStart + 1)..];
            var nameLength = header.IndexOfAny((byte)'\t', (byte)'\n');
            current = Encoding.UTF8.GetString(nameLength < 0 ? header : header[..nameLength]);
            currentStart = lineStart;
        }

        if (current is not null)
        {
            index[current] = (currentStart, text.Length);
        }

        return index;
    }

    /// <summary>Where the next entry line after <paramref name="from"/> starts, or the end of the text.</summary>
    private static int NextEntry(ReadOnlySpan<byte> text, int from)
    {
        var found = text[(from + 1)..].IndexOf("\n@"u8);
        return found < 0 ? text.Length : from + 1 + found + 1;
    }

    public static ComponentSchema ReadEntry(ReadOnlySpan<byte> entry, Dictionary<string, AlloyType> types)
    {
        var lines = Encoding.UTF8.GetString(entry).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split('\t');
        var headerProps = Props(header, 3);
        var cursor = 1;
        var body = ReadBody(lines, ref cursor, 1, [], types);
        var exports = new List<ExportSchema>();
        for (; cursor < lines.Length; cursor++)
        {
            var columns = lines[cursor].TrimStart(' ').Split('\t');
            if (columns[0] != "e")
            {
                throw new FormatException($"catalog entry {header[0]}: unexpected line '{lines[cursor]}'");
            }

            var props = Props(columns, 3);
            exports.Add(new ExportSchema(columns[1], TypeOf(columns[2], types), ParseSignal(props.GetValueOrDefault("signal"))));
        }

        return new ComponentSchema(header[0][1..], ParseKind(header[1]), ParseStability(header[2]), body, exports)
        {
            Community = headerProps.ContainsKey("community"),
            Labeled = headerProps.ContainsKey("labeled"),
            Repeatable = headerProps.ContainsKey("repeatable"),
            Placement = headerProps.GetValueOrDefault("allowed_in") switch
            {
                "root" => BlockPlacement.Root,
                "module" => BlockPlacement.Module,
                _ => BlockPlacement.Anywhere,
            },
            OtelInputSignals = ParseOtelSignals(headerProps.GetValueOrDefault("otel_in")),
            OtelInputSignalsFromSource = headerProps.GetValueOrDefault("otel_in_source") == "source",
            OtelOutputSignals = ParseOtelSignals(headerProps.GetValueOrDefault("otel_out")),
            BuildConstraint = headerProps.GetValueOrDefault("build"),
        };
    }

    /// <summary>Holds a block body once it is complete, for recursive blocks that reuse an ancestor's body.</summary>
    private sealed class BodyHolder
    {
        public BodySchema? Value { get; set; }
    }

    private static BodySchema ReadBody(string[] lines, ref int cursor, int depth, List<BodyHolder> ancestors, Dictionary<string, AlloyType> types)
    {
        var attributes = new List<AttributeSchema>();
        var blocks = new List<BlockSchema>();
        while (cursor < lines.Length && DepthOf(lines[cursor]) == depth && lines[cursor][depth] != 'e')
        {
            var columns = lines[cursor][depth..].Split('\t');
            cursor++;
            if (columns[0] == "a")
            {
                attributes.Add(ReadAttribute(columns, lines, ref cursor, depth, types));
                continue;
            }

            var props = Props(columns, 2);
            var holder = new BodyHolder();
            BodySchema? ownBody = null;
            Func<BodySchema> factory;
            if (props.TryGetValue("recursive", out var up))
            {
                var ancestor = ancestors[^int.Parse(up, System.Globalization.CultureInfo.InvariantCulture)];
                factory = () => ancestor.Value ?? throw new InvalidOperationException("recursive catalog body read before its ancestor was complete");
            }
            else
            {
                ancestors.Add(holder);
                ownBody = ReadBody(lines, ref cursor, depth + 1, ancestors, types);
                ancestors.RemoveAt(ancestors.Count - 1);
                holder.Value = ownBody;
                factory = () => ownBody;
            }

            blocks.Add(new BlockSchema(columns[1], factory)
            {
                Required = props.ContainsKey("required"),
                Repeated = props.ContainsKey("repeated"),
                Labeled = props.ContainsKey("labeled"),
                Deprecated = props.ContainsKey("deprecated"),
                EnumGroup = props.GetValueOrDefault("enum"),
                FreeForm = props.ContainsKey("free_form"),
            });
        }

        return attributes.Count == 0 && blocks.Count == 0 ? BodySchema.Empty : new BodySchema(attributes, blocks);
    }

    private static AttributeSchema ReadAttribute(string[] columns, string[] lines, ref int cursor, int depth, Dictionary<string, AlloyType> types)
    {
        var props = Props(columns, 3);
        List<AttributeSchema>? objectFields = null;
        while (cursor < lines.Length && DepthOf(lines[cursor]) == depth + 1)
        {
            var fieldColumns = lines[cursor][(depth + 1)..].Split('\t');
            cursor++;
            (objectFields ??= []).Add(ReadAttribute(fieldColumns, lines, ref cursor, depth + 1, types));
        }

        return new AttributeSchema(columns[1], TypeOf(columns[2], types))
        {
            Required = props.ContainsKey("required"),
            DocsRequired = props.ContainsKey("docs_required"),
            Deprecated = props.ContainsKey("deprecated"),
            DefaultJson = props.GetValueOrDefault("default"),
            Signal = ParseSignal(props.GetValueOrDefault("signal")),
            OtelSignal = ParseOtelSignals(props.GetValueOrDefault("otel_signal")),
            Format = props.GetValueOrDefault("format"),
            AllowedValues = props.TryGetValue("allowed", out var allowed) ? allowed.Split('|') : null,
            ObjectFields = objectFields,
        };
    }

    private static int DepthOf(string line)
    {
        var depth = 0;
        while (depth < line.Length && line[depth] == ' ')
        {
            depth++;
        }

        return depth;
    }

    private static Dictionary<string, string> Props(string[] columns, int first)
    {
        var props = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = first; i < columns.Length; i++)
        {
            var equals = columns[i].IndexOf('=');
            if (equals < 0)
            {
                props[columns[i]] = "";
            }
            else
            {
                props[columns[i][..equals]] = columns[i][(equals + 1)..];
            }
        }

        return props;
    }

    private static AlloyType TypeOf(string text, Dictionary<string, AlloyType> types)
    {
        lock (types)
        {
            if (!types.TryGetValue(text, out var type))
            {
                type = AlloyType.Parse(text);
                types[text] = type;
            }

            return type;
        }
    }

    private static SchemaKind ParseKind(string text) => text switch
    {
        "component" => SchemaKind.Component,
        "runtime" => SchemaKind.RuntimeBlock,
        "service" => SchemaKind.ServiceBlock,
        _ => throw new FormatException($"unknown catalog entry kind '{text}'"),
    };

    internal static Stability ParseStability(string text) => text switch
    {
        "generally-available" => Stability.GenerallyAvailable,
        "public-preview" => Stability.PublicPreview,
        "experimental" => Stability.Experimental,
        "undefined" => Stability.Undefined,
        _ => throw new FormatException($"unknown stability '{text}'"),
    };

    private static Signal ParseSignal(string? text) => text switch
    {
        null => Signal.None,
        "prometheus_metrics" => Signal.PrometheusMetrics,
        "loki_logs" => Signal.LokiLogs,
        "otel" => Signal.Otel,
        "profiles" => Signal.Profiles,
        "targets" => Signal.Targets,
        "otel_auth" => Signal.OtelAuth,
        "otel_extension" => Signal.OtelExtension,
        "relabel_rules" => Signal.RelabelRules,
        _ => throw new FormatException($"unknown signal '{text}'"),
    };

    private static OtelSignals ParseOtelSignals(string? text)
    {
        var signals = OtelSignals.None;
        if (text is null)
        {
            return signals;
        }

        foreach (var part in text.Split(','))
        {
            signals |= part switch
            {
                "metrics" => OtelSignals.Metrics,
                "logs" => OtelSignals.Logs,
                "traces" => OtelSignals.Traces,
                _ => throw new FormatException($"unknown otel signal '{part}'"),
            };
        }

        return signals;
    }
}
