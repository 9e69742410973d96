namespace AlloyLint.Cli.Discovery;

/// <summary>
/// A path that could not be linted (full, or as typed when it does not exist), or, with <paramref name="NotRewritten"/>,
/// a file that was linted but whose fixes could not be written; with a one-line reason.
/// </summary>
internal sealed record PathProblem(string Path, string Message, bool NotRewritten = false);

/// <summary>
/// Expands the paths of the command line into the <c>*.alloy</c> files to lint: files as named, folders
/// recursively, skipping <c>.git</c>, <c>node_modules</c>, <c>bin</c>, <c>obj</c>, symbolic links to folders,
/// what .gitignore files ignore and what <paramref name="isExcluded"/> rejects. Files come back as full paths,
/// sorted ordinally; a file named on the command line is linted whatever its name and the ignore files say.
/// </summary>
internal sealed class FileDiscovery(string workingDirectory, Func<string, bool, bool>? isExcluded = null)
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "node_modules", "bin", "obj" };
    private readonly Dictionary<string, GitIgnore?> _gitIgnores = new(StringComparer.Ordinal);
    private readonly List<string> _files = [];
    private readonly List<PathProblem> _problems = [];

    public (IReadOnlyList<string> Files, IReadOnlyList<PathProblem> Problems) Discover(IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            var fullPath = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(fullPath))
            {
                _files.Add(fullPath);
            }
            else if (Directory.Exists(fullPath))
            {
                Walk(Path.TrimEndingDirectorySeparator(fullPath), AncestorIgnores(fullPath));
            }
            else
            {
                _problems.Add(new PathProblem(path, "no such file or directory"));
            }
        }

        var files = _files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return (files, _problems);
    }

    private void Walk(string directory, List<(string Base, GitIgnore Rules)> ignores)
    {
        if (LoadGitIgnore(directory) is { } own)
        {
            ignores = [.. ignores, (directory, own)];
        }

        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(entry => entry.Name, StringComparer.Ordinal).ToList();
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            _problems.Add(new PathProblem(directory, Describe(error)));
            return;
        }

        foreach (var entry in entries)
        {
            var isDirectory = entry is DirectoryInfo;
            if (isDirectory && (SkippedFolders.Contains(entry.Name) || entry.LinkTarget is not null))
            {
                continue;
            }

            if (!isDirectory && !entry.Name.EndsWith(".alloy", StringComparison.Ordinal))
            {
                continue;
            }

            if (IsIgnored(ignores, entry.FullName, isDirectory) || isExcluded?.Invoke(entry.FullName, isDirectory) == true)
            {
                continue;
            }

            if (isDirectory)
            {
                Walk(entry.FullName, ignores);
            }
            else
            {
                _files.Add(entry.FullName);
            }
        }
    }

    /// <summary>The one-line reason for an I/O failure, without exception type or stack.</summary>
    public static string Describe(Exception error) => error switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        _ => error.Message,
    };

    private static bool IsIgnored(List<(string Base, GitIgnore Rules)> ignores, string fullPath, bool isDirectory)
    {
        for (var i = ignores.Count - 1; i >= 0; i--)
        {
            var relative = Path.GetRelativePath(ignores[i].Base, fullPath).Replace('\\', '/');
            if (ignores[i].Rules.Match(relative, isDirectory) is { } ignored)
            {
                return ignored;
            }
        }

        return false;
    }

    /// <summary>The .gitignore files from the enclosing repository's root down to the parent of <paramref name="directory"/>.</summary>
    private List<(string Base, GitIgnore Rules)> AncestorIgnores(string directory)
    {
        if (IsRepositoryRoot(directory))
        {
            return [];
        }

        var ancestors = new List<string>();
        for (var dir = Directory.GetParent(Path.TrimEndingDirectorySeparator(directory)); dir is not null; dir = dir.Parent)
        {
            ancestors.Add(dir.FullName);
            if (IsRepositoryRoot(dir.FullName))
            {
                ancestors.Reverse();
                return [.. ancestors.Select(path => (path, LoadGitIgnore(path))).Where(pair => pair.Item2 is not null).Select(pair => (pair.path, pair.Item2!))];
            }
        }

        return [];
    }

    private static bool IsRepositoryRoot(string directory) =>
        Directory.Exists(Path.Combine(directory, ".git")) || File.Exists(Path.Combine(directory, ".git"));

    private GitIgnore? LoadGitIgnore(string directory)
    {
        if (!_gitIgnores.TryGetValue(directory, out var rules))
        {
            var path = Path.Combine(directory, ".gitignore");
            try
            {
                rules = File.Exists(path) ? GitIgnore.Parse(File.ReadAllText(path)) : null;
            }
            catch (Exception error) when (error is UnauthorizedAccessException or IOException)
            {
                rules = null;
            }

            _gitIgnores[directory] = rules;
        }

        return rules;
    }
}
