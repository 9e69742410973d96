using System.Collections.Immutable;

namespace AlloyLint.Rules.Compose;

/// <summary>A node of the small YAML subset docker compose files use.</summary>
public abstract record YamlNode(int Line);

/// <summary>A scalar with its value unquoted (null for an empty value or <c>~</c>/<c>null</c>).</summary>
public sealed record YamlScalar(string? Value, int Line) : YamlNode(Line);

public sealed record YamlSequence(ImmutableArray<YamlNode> Items, int Line) : YamlNode(Line);

/// <summary>A mapping in source order; keys are scalars. <see cref="HasMergeKey"/> is set for <c>&lt;&lt;:</c> entries.</summary>
public sealed record YamlMapping(ImmutableArray<KeyValuePair<string, YamlNode>> Entries, int Line) : YamlNode(Line)
{
    public bool HasMergeKey => Entries.Any(entry => entry.Key == "<<");

    public YamlNode? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }
}

/// <summary>An alias (<c>*name</c>): its value lives elsewhere and is not resolved.</summary>
public sealed record YamlAlias(string Name, int Line) : YamlNode(Line);
