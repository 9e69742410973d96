namespace AlloyLint.Cli.Discovery;

/// <summary>
/// The patterns of one .gitignore file, relative to the folder holding it. Follows git's rules: blank lines and
/// '#' comments are skipped, trailing unescaped spaces are dropped, '!' negates, a trailing '/' matches folders
/// only, a '/' at the start or in the middle anchors the pattern to this folder, '**' spans folders.
/// </summary>
internal sealed class GitIgnore
{
    private readonly List<(GlobPattern Glob, bool Negated, bool DirectoryOnly)> _rules;

    private GitIgnore(List<(GlobPattern, bool, bool)> rules) => _rules = rules;

    public static GitIgnore Parse(string content)
    {
        var rules = new List<(GlobPattern, bool, bool)>();
        foreach (var rawLine in content.Split('\n'))
        {
            var line = TrimTrailingSpaces(rawLine.TrimEnd('\r'));
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var negated = line[0] == '!';
            if (negated)
            {
                line = line[1..];
            }
            else if (line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal))
            {
                line = line[1..];
            }

            var directoryOnly = line.EndsWith('/');
            if (GlobPattern.TryCreate(directoryOnly ? line.TrimEnd('/') : line) is { } glob)
            {
                rules.Add((glob, negated, directoryOnly));
            }
        }

        return new GitIgnore(rules);
    }

    /// <summary>
    /// Whether <paramref name="relativePath"/> ('/'-separated, relative to this file's folder) is ignored, is
    /// re-included by a negation (false), or is not mentioned (null). The last matching pattern wins.
    /// </summary>
    public bool? Match(string relativePath, bool isDirectory)
    {
        for (var i = _rules.Count - 1; i >= 0; i--)
        {
            var (glob, negated, directoryOnly) = _rules[i];
            if (directoryOnly && !isDirectory)
            {
                continue;
            }

            if (glob.IsMatch(relativePath))
            {
                return !negated;
            }
        }

        return null;
    }

    private static string TrimTrailingSpaces(string line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && !(end >= 2 && line[end - 2] == '\\'))
        {
            end--;
        }

        return line[..end];
    }
}
