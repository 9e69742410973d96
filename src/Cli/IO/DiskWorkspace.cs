using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;

namespace AlloyLint.Cli.IO;

/// <summary>
/// The engine's view of the disk: <c>*.alloy</c> siblings and other files, read on demand. Text given on standard
/// input overlays the file it names. Binary files read as absent.
/// </summary>
internal sealed class DiskWorkspace(string workingDirectory) : IWorkspace
{
    private readonly Dictionary<string, SourceText> _overlay = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="source"/> (whose path is full) stand for the file at its path.</summary>
    public void Overlay(SourceText source) => _overlay[source.Path] = source;

    public IReadOnlyList<string> AlloyFilesInDirectory(string directory) => List(directory, "*.alloy");

    public IReadOnlyList<string> FilesInDirectory(string directory) => List(directory, "*");

    private List<string> List(string directory, string pattern)
    {
        var full = Path.GetFullPath(directory, workingDirectory);
        try
        {
            var files = Directory.Exists(full) ? Directory.EnumerateFiles(full, pattern).ToList() : [];
            files.AddRange(_overlay.Keys.Where(path => Path.GetDirectoryName(path) == full
                && (pattern == "*" || path.EndsWith(pattern[1..], StringComparison.Ordinal))));
            return [.. files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public SourceText? ReadAlloyFile(string path)
    {
        var full = Path.GetFullPath(path, workingDirectory);
        return _overlay.TryGetValue(full, out var overlaid) ? overlaid : Read(full, out _);
    }

    public string? ReadTextFile(string path)
    {
        var full = Path.GetFullPath(path, workingDirectory);
        if (_overlay.TryGetValue(full, out var overlaid))
        {
            return overlaid.Text;
        }

        try
        {
            return File.Exists(full) ? File.ReadAllText(full) : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reads and decodes a file; null with a one-line reason when it cannot be read or is binary.</summary>
    public static SourceText? Read(string fullPath, out string? problem)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            problem = Discovery.FileDiscovery.Describe(error);
            return null;
        }

        return Decode(bytes, fullPath, out problem);
    }

    /// <summary>Decodes bytes, refusing binary content (a NUL byte in the first 8000 bytes, as git decides).</summary>
    public static SourceText? Decode(byte[] bytes, string path, out string? problem)
    {
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8000)).Contains((byte)0))
        {
            problem = "binary file (contains NUL bytes), not linted";
            return null;
        }

        problem = null;
        return SourceText.Decode(bytes, path);
    }
}
