namespace AlloyLint.Rules.Catalog;

/// <summary>
/// A standard library identifier: a function (with its argument count) or a value such as
/// <c>constants.hostname</c>. Deprecated aliases name their <see cref="Replacement"/>.
/// </summary>
public sealed record StdlibEntry(
    string Name,
    bool IsFunction,
    int MinArguments,
    int? MaxArguments,
    Stability Stability = Stability.GenerallyAvailable,
    string? Replacement = null)
{
    public bool IsDeprecated => Replacement is not null;

    /// <summary>True when a call with <paramref name="count"/> arguments is accepted.</summary>
    public bool AcceptsArgumentCount(int count) => count >= MinArguments && (MaxArguments is null || count <= MaxArguments);

    /// <summary>The accepted argument count in words: "1", "2 or 3", "at least 1", "any number of".</summary>
    public string ArityText => MaxArguments switch
    {
        null when MinArguments == 0 => "any number of",
        null => $"at least {MinArguments}",
        { } max when max == MinArguments => $"{max}",
        { } max when max == MinArguments + 1 => $"{MinArguments} or {max}",
        { } max => $"{MinArguments} to {max}",
    };
}

/// <summary>
/// Alloy's standard library (syntax/internal/stdlib at the catalog's commit; alloy-syntax.md §8, components.md §13):
/// the current names, the deprecated top-level aliases kept since v1.4.0, and the namespaces.
/// </summary>
public static class StandardLibrary
{
    private static readonly StdlibEntry[] Entries =
    [
        new("sys.env", true, 1, 1),
        new("constants.hostname", false, 0, 0),
        new("constants.os", false, 0, 0),
        new("constants.arch", false, 0, 0),
        new("constants.version", false, 0, 0),
        new("coalesce", true, 0, null),
        new("json_path", true, 2, 2),
        new("convert.nonsensitive", true, 1, 1),
        new("array.concat", true, 0, null),
        new("array.combine_maps", true, 3, 4, Stability.Experimental),
        new("array.group_by", true, 3, 3, Stability.Experimental),
        new("encoding.from_json", true, 1, 1),
        new("encoding.from_yaml", true, 1, 1),
        new("encoding.from_base64", true, 1, 1),
        new("encoding.from_URLbase64", true, 1, 1),
        new("encoding.to_base64", true, 1, 1),
        new("encoding.to_URLbase64", true, 1, 1),
        new("encoding.to_json", true, 1, 1),
        new("encoding.url_encode", true, 1, 1),
        new("encoding.url_decode", true, 1, 1),
        new("string.format", true, 1, null),
        new("string.join", true, 2, 2),
        new("string.replace", true, 3, 3),
        new("string.split", true, 2, 2),
        new("string.to_lower", true, 1, 1),
        new("string.to_upper", true, 1, 1),
        new("string.trim", true, 2, 2),
        new("string.trim_prefix", true, 2, 2),
        new("string.trim_suffix", true, 2, 2),
        new("string.trim_space", true, 1, 1),
        new("file.path_join", true, 0, null),
        new("env", true, 1, 1, Replacement: "sys.env"),
        new("nonsensitive", true, 1, 1, Replacement: "convert.nonsensitive"),
        new("concat", true, 0, null, Replacement: "array.concat"),
        new("json_decode", true, 1, 1, Replacement: "encoding.from_json"),
        new("yaml_decode", true, 1, 1, Replacement: "encoding.from_yaml"),
        new("base64_decode", true, 1, 1, Replacement: "encoding.from_base64"),
        new("format", true, 1, null, Replacement: "string.format"),
        new("join", true, 2, 2, Replacement: "string.join"),
        new("replace", true, 3, 3, Replacement: "string.replace"),
        new("split", true, 2, 2, Replacement: "string.split"),
        new("to_lower", true, 1, 1, Replacement: "string.to_lower"),
        new("to_upper", true, 1, 1, Replacement: "string.to_upper"),
        new("trim", true, 2, 2, Replacement: "string.trim"),
        new("trim_prefix", true, 2, 2, Replacement: "string.trim_prefix"),
        new("trim_suffix", true, 2, 2, Replacement: "string.trim_suffix"),
        new("trim_space", true, 1, 1, Replacement: "string.trim_space"),
    ];

    // Rules look up the function of every call of a large configuration (a chain's text, one instance per chain).
    private static readonly NameIndex<StdlibEntry> ByName = new(Entries, static entry => entry.Name);

    /// <summary>The top-level names the standard library defines: namespaces (<c>sys</c>, <c>string</c>...) and bare functions.</summary>
    public static IReadOnlySet<string> RootNames { get; } = Entries
        .Select(entry => entry.Name.Split('.')[0])
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every entry: current names and deprecated aliases.</summary>
    public static IReadOnlyList<StdlibEntry> All => Entries;

    /// <summary>A function or value by its full dotted name (<c>string.join</c>, <c>env</c>), or null.</summary>
    public static StdlibEntry? Find(string name) => ByName.Find(name);

    /// <summary>The current name of a deprecated alias (<c>env</c> → <c>sys.env</c>), or null when not deprecated.</summary>
    public static string? ReplacementFor(string name) => Find(name)?.Replacement;
}
