using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using AlloyLint.Rules.Catalog;

namespace AlloyLint.Rules.Model;

/// <summary>
/// What Alloy uses when an argument is absent: the static defaults of the component catalog
/// (<see cref="AttributeSchema.DefaultJson"/>), as <see cref="AlloyValue"/>s.
/// </summary>
public static class ArgumentDefaults
{
    private static readonly ConcurrentDictionary<(string Block, string Path), AlloyValue?> Cache = new();

    /// <summary>
    /// The default of the attribute at <paramref name="path"/> ("scrape_interval", "client.timeout") in a block named
    /// <paramref name="blockName"/>, or null when the catalog knows none.
    /// </summary>
    public static AlloyValue? Find(string blockName, string path) => Cache.GetOrAdd((blockName, path), Lookup);

    private static AlloyValue? Lookup((string Block, string Path) key)
    {
        if (ComponentCatalog.Default.Find(key.Block) is not { } schema)
        {
            return null;
        }

        var parts = key.Path.Split('.');
        var body = schema.Body;
        foreach (var part in parts[..^1])
        {
            if (body.FindBlock(part) is not { } block)
            {
                return null;
            }

            body = block.Body;
        }

        return body.FindAttribute(parts[^1])?.DefaultJson is { } json ? FromJson(json) : null;
    }

    private static AlloyValue FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Convert(document.RootElement);
    }

    private static AlloyValue Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new AlloyString(element.GetString()!),
        JsonValueKind.Number => new AlloyNumber(element.GetDouble()),
        JsonValueKind.True => new AlloyBool(true),
        JsonValueKind.False => new AlloyBool(false),
        JsonValueKind.Array => new AlloyArray([.. element.EnumerateArray().Select(Convert)]),
        JsonValueKind.Object => new AlloyObject([.. element.EnumerateObject().Select(property => new KeyValuePair<string, AlloyValue>(property.Name, Convert(property.Value)))]),
        _ => AlloyNull.Instance,
    };
}
