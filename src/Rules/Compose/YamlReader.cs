using System.Collections.Immutable;
using System.Text;

namespace AlloyLint.Rules.Compose;

/// <summary>
/// Reads the block and flow YAML that docker compose files are written in: mappings, sequences (also a
/// sequence at its key's indentation), plain, quoted and block scalars, flow collections, comments,
/// anchors (dropped), aliases and tags (kept as unresolved). Only the first document is read. Input outside
/// this subset gives <c>null</c> rather than a guess.
/// </summary>
public static class YamlReader
{
    public static YamlNode? Read(string text)
    {
        var lines = SplitLines(text);
        if (lines is null)
        {
            return null;
        }

        var parser = new BlockParser(lines);
        try
        {
            return parser.ParseDocument();
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private readonly record struct Line(int Indent, string Text, int Number);

    /// <summary>Meaningful lines of the first document with comments removed; null when indentation uses tabs.</summary>
    private static List<Line>? SplitLines(string text)
    {
        var lines = new List<Line>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            var indent = 0;
            while (indent < line.Length && line[indent] == ' ')
            {
                indent++;
            }

            var content = StripComment(line[indent..]).TrimEnd();
            if (content.Length == 0)
            {
                continue;
            }

            if (content[0] == '\t')
            {
                return null;
            }

            if (indent == 0 && (content == "---" || content.StartsWith("--- ", StringComparison.Ordinal)))
            {
                if (lines.Count > 0)
                {
                    break;
                }

                continue;
            }

            if (indent == 0 && (content == "..." || content[0] == '%'))
            {
                continue;
            }

            lines.Add(new Line(indent, content, number));
        }

        return lines;
    }

    /// <summary>Removes a <c># comment</c>: a '#' at the start or after whitespace, outside quoted scalars.</summary>
    private static string StripComment(string text)
    {
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            var atTokenStart = i == 0 || text[i - 1] is ' ' or '\t' or '[' or '{' or ',' or ':' or '-';
            if (c is '"' or '\'' && atTokenStart)
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || text[i - 1] is ' ' or '\t'))
            {
                return text[..i];
            }
        }

        return text;
    }

    private static bool IsSequenceItem(string text) => text == "-" || text.StartsWith("- ", StringComparison.Ordinal);

    /// <summary>Splits <c>key: rest</c>; the key may be plain or quoted.</summary>
    private static bool TrySplitKey(string text, out string key, out string rest)
    {
        key = rest = string.Empty;
        if (text.Length == 0 || text[0] is '[' or '{' or '*' or '&' or '!' or '|' or '>')
        {
            return false;
        }

        int colon;
        if (text[0] is '"' or '\'')
        {
            var flow = new FlowParser(text, 0);
            key = flow.ReadQuoted();
            colon = flow.Position;
            if (colon >= text.Length || text[colon] != ':')
            {
                return false;
            }
        }
        else
        {
            colon = -1;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == ':' && (i + 1 == text.Length || text[i + 1] is ' ' or '\t'))
                {
                    colon = i;
                    break;
                }
            }

            if (colon <= 0)
            {
                return false;
            }

            key = text[..colon].TrimEnd();
        }

        rest = text[(colon + 1)..].Trim();
        return true;
    }

    private sealed class BlockParser(List<Line> lines)
    {
        private int _position;

        public YamlNode? ParseDocument()
        {
            if (lines.Count == 0)
            {
                return null;
            }

            var root = ParseNode(lines[0].Indent);
            if (_position < lines.Count)
            {
                throw new FormatException($"unexpected content on line {lines[_position].Number}");
            }

            return root;
        }

        private YamlNode ParseNode(int indent)
        {
            var line = lines[_position];
            if (IsSequenceItem(line.Text))
            {
                return ParseSequence(indent);
            }

            if (TrySplitKey(line.Text, out _, out _))
            {
                return ParseMapping(indent);
            }

            _position++;
            return ParseInlineValue(line.Text, line, indent);
        }

        private YamlSequence ParseSequence(int indent)
        {
            var firstLine = lines[_position].Number;
            var items = ImmutableArray.CreateBuilder<YamlNode>();
            while (_position < lines.Count && lines[_position].Indent == indent && IsSequenceItem(lines[_position].Text))
            {
                var line = lines[_position];
                var afterDash = line.Text[1..];
                var content = afterDash.TrimStart();
                if (content.Length == 0)
                {
                    _position++;
                    items.Add(HasNestedBlock(indent) ? ParseNode(lines[_position].Indent) : new YamlScalar(null, line.Number));
                    continue;
                }

                // "- key: value" opens a mapping whose further keys align with "key": reread the item as that line.
                var contentIndent = indent + 1 + (afterDash.Length - content.Length);
                lines[_position] = line with { Indent = contentIndent, Text = content };
                items.Add(ParseNode(contentIndent));
            }

            return new YamlSequence(items.ToImmutable(), firstLine);
        }

        private YamlMapping ParseMapping(int indent)
        {
            var firstLine = lines[_position].Number;
            var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, YamlNode>>();
            while (_position < lines.Count
                && lines[_position].Indent == indent
                && !IsSequenceItem(lines[_position].Text)
                && TrySplitKey(lines[_position].Text, out var key, out var rest))
            {
                var line = lines[_position];
                _position++;
                entries.Add(new(key, ParseValueAfterKey(rest, line, indent)));
            }

            return new YamlMapping(entries.ToImmutable(), firstLine);
        }

        private YamlNode ParseValueAfterKey(string rest, Line line, int indent)
        {
            rest = StripAnchorAndTag(rest);
            if (rest.Length == 0)
            {
                var sequenceAtSameIndent = _position < lines.Count && lines[_position].Indent == indent && IsSequenceItem(lines[_position].Text);
                if (sequenceAtSameIndent)
                {
                    return ParseSequence(indent);
                }

                return HasNestedBlock(indent) ? ParseNode(lines[_position].Indent) : new YamlScalar(null, line.Number);
            }

            if (rest[0] is '|' or '>')
            {
                var text = new StringBuilder();
                while (HasNestedBlock(indent))
                {
                    text.Append(lines[_position].Text).Append('\n');
                    _position++;
                }

                return new YamlScalar(text.ToString(), line.Number);
            }

            return ParseInlineValue(rest, line, indent);
        }

        /// <summary>A flow collection (possibly over several lines), an alias, or a scalar with its continuation lines.</summary>
        private YamlNode ParseInlineValue(string text, Line line, int indent)
        {
            text = StripAnchorAndTag(text);
            if (text.Length > 0 && text[0] is '[' or '{')
            {
                while (!FlowParser.IsBalanced(text) && _position < lines.Count)
                {
                    text += " " + lines[_position].Text;
                    _position++;
                }

                var flow = new FlowParser(text, line.Number);
                var node = flow.ReadValue(inFlow: false);
                flow.ExpectEnd();
                return node;
            }

            while (HasNestedBlock(indent))
            {
                text += " " + lines[_position].Text;
                _position++;
            }

            var scalar = new FlowParser(text, line.Number);
            var value = scalar.ReadValue(inFlow: false);
            scalar.ExpectEnd();
            return value;
        }

        private bool HasNestedBlock(int indent) => _position < lines.Count && lines[_position].Indent > indent;

        private static string StripAnchorAndTag(string text)
        {
            while (text.Length > 0 && text[0] is '&' or '!')
            {
                var space = text.IndexOf(' ');
                text = space < 0 ? string.Empty : text[(space + 1)..].TrimStart();
            }

            return text;
        }
    }

    /// <summary>Reads flow values and scalars from one (joined) line.</summary>
    private sealed class FlowParser(string text, int lineNumber)
    {
        public int Position { get; private set; }

        public static bool IsBalanced(string text)
        {
            var depth = 0;
            char quote = '\0';
            foreach (var c in text)
            {
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c is '[' or '{')
                {
                    depth++;
                }
                else if (c is ']' or '}')
                {
                    depth--;
                }
            }

            return depth <= 0;
        }

        public YamlNode ReadValue(bool inFlow)
        {
            SkipSpaces();
            if (Position >= text.Length)
            {
                return new YamlScalar(null, lineNumber);
            }

            switch (text[Position])
            {
                case '[':
                    return ReadSequence();
                case '{':
                    return ReadMapping();
                case '"' or '\'':
                    return new YamlScalar(ReadQuoted(), lineNumber);
                case '*':
                    Position++;
                    return new YamlAlias(ReadPlain(inFlow: true) ?? string.Empty, lineNumber);
                case '&' or '!':
                    SkipToken();
                    return ReadValue(inFlow);
                default:
                    return new YamlScalar(ReadPlain(inFlow), lineNumber);
            }
        }

        public void ExpectEnd()
        {
            SkipSpaces();
            if (Position < text.Length)
            {
                throw new FormatException($"unexpected '{text[Position]}' on line {lineNumber}");
            }
        }

        public string ReadQuoted()
        {
            var quote = text[Position++];
            var value = new StringBuilder();
            while (Position < text.Length)
            {
                var c = text[Position++];
                if (c == quote)
                {
                    if (quote == '\'' && Position < text.Length && text[Position] == '\'')
                    {
                        value.Append('\'');
                        Position++;
                        continue;
                    }

                    return value.ToString();
                }

                if (c == '\\' && quote == '"' && Position < text.Length)
                {
                    var escaped = text[Position++];
                    value.Append(escaped switch { 'n' => '\n', 't' => '\t', '0' => '\0', _ => escaped });
                    continue;
                }

                value.Append(c);
            }

            throw new FormatException($"unterminated quoted scalar on line {lineNumber}");
        }

        private YamlSequence ReadSequence()
        {
            Position++;
            var items = ImmutableArray.CreateBuilder<YamlNode>();
            while (true)
            {
                SkipSpaces();
                if (Position >= text.Length)
                {
                    throw new FormatException($"unterminated flow sequence on line {lineNumber}");
                }

                if (text[Position] == ']')
                {
                    Position++;
                    return new YamlSequence(items.ToImmutable(), lineNumber);
                }

                items.Add(ReadValue(inFlow: true));
                SkipSeparator(']');
            }
        }

        private YamlMapping ReadMapping()
        {
            Position++;
            var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, YamlNode>>();
            while (true)
            {
                SkipSpaces();
                if (Position >= text.Length)
                {
                    throw new FormatException($"unterminated flow mapping on line {lineNumber}");
                }

                if (text[Position] == '}')
                {
                    Position++;
                    return new YamlMapping(entries.ToImmutable(), lineNumber);
                }

                var key = text[Position] is '"' or '\'' ? ReadQuoted() : ReadPlain(inFlow: true, stopAtColon: true) ?? string.Empty;
                SkipSpaces();
                YamlNode value = new YamlScalar(null, lineNumber);
                if (Position < text.Length && text[Position] == ':')
                {
                    Position++;
                    value = ReadValue(inFlow: true);
                }

                entries.Add(new(key, value));
                SkipSeparator('}');
            }
        }

        private void SkipSeparator(char close)
        {
            SkipSpaces();
            if (Position < text.Length && text[Position] == ',')
            {
                Position++;
            }
            else if (Position >= text.Length || text[Position] != close)
            {
                throw new FormatException($"expected ',' or '{close}' on line {lineNumber}");
            }
        }

        private string? ReadPlain(bool inFlow, bool stopAtColon = false)
        {
            var start = Position;
            while (Position < text.Length)
            {
                var c = text[Position];
                if (inFlow && c is ',' or ']' or '}')
                {
                    break;
                }

                if (stopAtColon && c == ':' && (Position + 1 == text.Length || text[Position + 1] is ' ' or ',' or '}'))
                {
                    break;
                }

                Position++;
            }

            var value = text[start..Position].Trim();
            return value is "" or "~" or "null" or "Null" or "NULL" ? null : value;
        }

        private void SkipToken()
        {
            while (Position < text.Length && text[Position] != ' ')
            {
                Position++;
            }
        }

        private void SkipSpaces()
        {
            while (Position < text.Length && text[Position] is ' ' or '\t')
            {
                Position++;
            }
        }
    }
}
