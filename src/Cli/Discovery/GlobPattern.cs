using System.Text;
using System.Text.RegularExpressions;

namespace AlloyLint.Cli.Discovery;

/// <summary>
/// A gitignore-style glob over '/'-separated relative paths: '*' and '?' stay within a segment, '[...]' is a
/// character class ('!' or '^' negates), '**' spans segments, and '\' escapes the next character.
/// A pattern containing a '/' (other than a trailing one) is anchored to its base; otherwise it matches any
/// path whose last segment matches.
/// </summary>
internal sealed class GlobPattern
{
    private readonly Regex _regex;

    private GlobPattern(Regex regex) => _regex = regex;

    /// <summary>Compiles <paramref name="pattern"/>; returns null when it is empty or its character class is unterminated.</summary>
    public static GlobPattern? TryCreate(string pattern)
    {
        var anchored = pattern.TrimEnd('/').Contains('/', StringComparison.Ordinal);
        var body = pattern.StartsWith('/') ? pattern[1..] : pattern;
        if (body.Length == 0)
        {
            return null;
        }

        var regex = new StringBuilder("^");
        if (!anchored)
        {
            regex.Append("(?:.*/)?");
        }

        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            switch (c)
            {
                case '*' when i + 1 < body.Length && body[i + 1] == '*' && (i == 0 || body[i - 1] == '/') && (i + 2 == body.Length || body[i + 2] == '/'):
                    if (i + 2 == body.Length)
                    {
                        regex.Append(".*");
                    }
                    else
                    {
                        regex.Append("(?:.*/)?");
                        i++;
                    }

                    i++;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var end = ClassEnd(body, i);
                    if (end < 0)
                    {
                        return null;
                    }

                    regex.Append('[');
                    var start = i + 1;
                    if (body[start] is '!' or '^')
                    {
                        regex.Append('^');
                        start++;
                    }

                    for (var j = start; j < end; j++)
                    {
                        if (body[j] == '\\' && j + 1 < end)
                        {
                            j++;
                        }

                        regex.Append(body[j] is '\\' or '[' or ']' or '^' ? "\\" + body[j] : body[j].ToString());
                    }

                    regex.Append(']');
                    i = end;
                    break;
                case '\\' when i + 1 < body.Length:
                    i++;
                    regex.Append(Regex.Escape(body[i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        regex.Append('$');
        return new GlobPattern(new Regex(regex.ToString(), RegexOptions.CultureInvariant));
    }

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);

    private static int ClassEnd(string body, int open)
    {
        var i = open + 1;
        if (i < body.Length && body[i] is '!' or '^')
        {
            i++;
        }

        if (i < body.Length && body[i] == ']')
        {
            i++;
        }

        for (; i < body.Length; i++)
        {
            if (body[i] == '\\')
            {
                i++;
            }
            else if (body[i] == ']')
            {
                return i;
            }
        }

        return -1;
    }
}
