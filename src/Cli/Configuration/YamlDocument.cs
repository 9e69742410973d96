using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AlloyLint.Cli.Configuration;

/// <summary>A node of a small YAML document, with the 1-based line and column where it starts.</summary>
internal abstract record YamlNode(int Line, int Column);

internal sealed record YamlScalar(string Value, bool Quoted, int Line, int Column) : YamlNode(Line, Column);

internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column);

internal sealed record YamlMapping(IReadOnlyList<(YamlScalar Key, YamlNode Value)> Entries, int Line, int Column) : YamlNode(Line, Column);

/// <summary>A configuration error at a position of its file.</summary>
internal sealed class ConfigurationException(string path, int line, int column, string message) : Exception(message)
{
    public string Path { get; } = path;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public override string ToString() => $"{Path}:{Line}:{Column}: {Message}";
}

/// <summary>
/// Reads YAML through YamlDotNet's event parser, whose events carry their positions; no object mapping, so it
/// stays trimmable and AOT-safe. Anchors, aliases, tags and complex keys are refused: a configuration does not need them.
/// </summary>
internal static class YamlDocument
{
    /// <summary>The root node of the single document in <paramref name="text"/>, or null when it is empty.</summary>
    public static YamlNode? Parse(string text, string path)
    {
        var parser = new YamlDotNet.Core.Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, path);
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart start)
            {
                throw new ConfigurationException(path, (int)start.Start.Line, (int)start.Start.Column, "only one YAML document is allowed");
            }

            return root is YamlScalar { Value: "", Quoted: false } ? null : root;
        }
        catch (YamlException error)
        {
            throw new ConfigurationException(path, (int)error.Start.Line, (int)error.Start.Column, FirstLine(error.Message));
        }
    }

    private static YamlNode ReadNode(IParser parser, string path)
    {
        var current = parser.Current!;
        var (line, column) = ((int)current.Start.Line, (int)current.Start.Column);
        if (current is NodeEvent { Anchor.IsEmpty: false } or AnchorAlias)
        {
            throw new ConfigurationException(path, line, column, "YAML anchors and aliases are not supported in this file");
        }

        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return new YamlScalar(scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded, line, column);
            case SequenceStart:
                parser.MoveNext();
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, path));
                }

                return new YamlSequence(items, line, column);
            case MappingStart:
                parser.MoveNext();
                var entries = new List<(YamlScalar, YamlNode)>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    if (ReadNode(parser, path) is not YamlScalar key)
                    {
                        throw new ConfigurationException(path, line, column, "mapping keys must be plain strings");
                    }

                    entries.Add((key, ReadNode(parser, path)));
                }

                return new YamlMapping(entries, line, column);
            default:
                throw new ConfigurationException(path, line, column, $"unexpected YAML {current.GetType().Name}");
        }
    }

    private static string FirstLine(string message)
    {
        var text = message.Split('\n')[0].Trim();
        var close = text.IndexOf("): ", StringComparison.Ordinal);
        return text.StartsWith('(') && close > 0 ? text[(close + 3)..] : text;
    }
}
