using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Engine;

/// <summary>
/// The files around the ones being linted. The CLI implements it over the disk, tests in memory; the rules
/// never touch the file system themselves.
/// </summary>
public interface IWorkspace
{
    /// <summary>The paths of the <c>*.alloy</c> files directly inside <paramref name="directory"/>, sorted ordinally.</summary>
    IReadOnlyList<string> AlloyFilesInDirectory(string directory);

    /// <summary>The decoded file, or null when it is absent or unreadable.</summary>
    SourceText? ReadAlloyFile(string path);

    /// <summary>
    /// The file parsed, or null when it is absent or unreadable: how the linter reads siblings. A workspace that serves
    /// many lints (the language server's) may keep the trees of files that have not changed.
    /// </summary>
    SyntaxTree? ParseAlloyFile(string path) => ReadAlloyFile(path) is { } source ? AlloyParser.Parse(source) : null;

    /// <summary>Another file's text (for example docker-compose.yml), or null when it is absent or unreadable.</summary>
    string? ReadTextFile(string path);

    /// <summary>
    /// The paths of all files directly inside <paramref name="directory"/>, sorted ordinally: how rules find files
    /// whose names vary, such as <c>docker-compose.base.yml</c>. Without it only fixed names can be read.
    /// </summary>
    IReadOnlyList<string> FilesInDirectory(string directory) => [];
}

/// <summary>
/// A workspace held in memory: for tests, and for text that is not on disk (stdin). Paths are compared after
/// <see cref="Path.GetFullPath(string)"/>, so "a.alloy" and "./a.alloy" are the same file.
/// </summary>
public sealed class InMemoryWorkspace : IWorkspace
{
    private readonly Dictionary<string, (string Path, string Text)> _files = new(StringComparer.Ordinal);

    public InMemoryWorkspace Add(string path, string text)
    {
        _files[Path.GetFullPath(path)] = (path, text);
        return this;
    }

    public IReadOnlyList<string> AlloyFilesInDirectory(string directory) =>
        FilesInDirectory(directory).Where(path => path.EndsWith(".alloy", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<string> FilesInDirectory(string directory)
    {
        var full = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        return _files
            .Where(file => string.Equals(Path.GetDirectoryName(file.Key), full, StringComparison.Ordinal))
            .Select(file => file.Value.Path)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public SourceText? ReadAlloyFile(string path) =>
        _files.TryGetValue(Path.GetFullPath(path), out var file) ? SourceText.From(file.Text, file.Path) : null;

    public string? ReadTextFile(string path) => _files.TryGetValue(Path.GetFullPath(path), out var file) ? file.Text : null;
}
