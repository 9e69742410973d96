using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Engine;

namespace AlloyLint.Cli.IO;

/// <summary>
/// The engine's view of the disk: <c>*.alloy</c> siblings and other files, read on demand. Text given on standard
/// input, or open in the editor a language server serves, overlays the file it names. Binary files read as absent.
/// </summary>
/// <param name="keepTrees">
/// Keep the tree of each file parsed from the disk, by its write time and length, for the next lint to reuse: for the
/// language server, which lints on every change among the same siblings. A lint run parses each file once anyway.
/// </param>
internal sealed class DiskWorkspace(string workingDirectory, bool keepTrees = false) : IWorkspace
{
    private readonly Dictionary<string, SourceText> _overlay = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTime Written, long Length, SyntaxTree Tree)>? _trees = keepTrees ? new(StringComparer.Ordinal) : null;

    /// <summary>Makes <paramref name="source"/> (whose path is full) stand for the file at its path.</summary>
    public void Overlay(SourceText source) => _overlay[source.Path] = source;

    /// <summary>Lets the file at <paramref name="path"/> (a full path) be read from the disk again.</summary>
    public void RemoveOverlay(string path) => _overlay.Remove(path);

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

    public SyntaxTree? ParseAlloyFile(string path)
    {
        var full = Path.GetFullPath(path, workingDirectory);
        if (_trees is null || _overlay.ContainsKey(full))
        {
            return ReadAlloyFile(full) is { } source ? AlloyParser.Parse(source) : null;
        }

        var file = new FileInfo(full);
        if (!file.Exists)
        {
            return null;
        }

        if (_trees.TryGetValue(full, out var kept) && kept.Written == file.LastWriteTimeUtc && kept.Length == file.Length)
        {
            return kept.Tree;
        }

        if (Read(full, out _) is not { } read)
        {
            return null;
        }

        var tree = AlloyParser.Parse(read);
        _trees[full] = (file.LastWriteTimeUtc, file.Length, tree);
        return tree;
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
        try
        {
            using var file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);

            // A pipe or another special file tells no length: it is read to its end.
            var length = file.CanSeek ? file.Length : 0;
            return length is > 0 and <= int.MaxValue
                ? DecodeFromUnmanagedMemory(file, (int)length, fullPath, out problem)
                : Decode(ReadToEnd(file), fullPath, out problem);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            problem = Discovery.FileDiscovery.Describe(error);
            return null;
        }
    }

    /// <summary>
    /// Reads the file into unmanaged memory, freed as soon as it is decoded. A managed array as large as the file would
    /// stay committed on the large object heap until a full collection: on a large file, that much more peak memory.
    /// </summary>
    private static unsafe SourceText? DecodeFromUnmanagedMemory(FileStream file, int length, string path, out string? problem)
    {
        var memory = NativeMemory.Alloc((nuint)length);
        try
        {
            var bytes = new Span<byte>(memory, length);
            var read = length >= SourceText.ParallelDecodeThreshold
                ? ReadInParallel(file.SafeFileHandle, memory, length)
                : file.ReadAtLeast(bytes, length, throwOnEndOfStream: false);
            return Decode(bytes[..read], path, out problem);
        }
        finally
        {
            NativeMemory.Free(memory);
        }
    }

    /// <summary>
    /// Reads a large file in one piece per core, as the start of a large lint runs on one core until the text exists.
    /// Returns how many bytes from the start were read without a gap: the file may shrink meanwhile.
    /// </summary>
    private static unsafe int ReadInParallel(SafeFileHandle file, void* memory, int length)
    {
        var pieceCount = Environment.ProcessorCount;
        var buffer = (nint)memory;
        var ends = new int[pieceCount];
        Parallel.For(0, pieceCount, piece =>
        {
            var start = PieceStart(piece);
            var span = new Span<byte>((byte*)buffer + start, PieceStart(piece + 1) - start);
            var filled = 0;
            int last;
            while (filled < span.Length && (last = RandomAccess.Read(file, span[filled..], start + filled)) > 0)
            {
                filled += last;
            }

            ends[piece] = start + filled;
        });

        var piece = 0;
        while (piece < pieceCount - 1 && ends[piece] == PieceStart(piece + 1))
        {
            piece++;
        }

        return ends[piece];

        int PieceStart(int piece) => (int)((long)length * piece / pieceCount);
    }

    private static byte[] ReadToEnd(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Decodes bytes, refusing binary content (a NUL byte in the first 8000 bytes, as git decides).</summary>
    public static SourceText? Decode(ReadOnlySpan<byte> bytes, string path, out string? problem)
    {
        if (bytes[..Math.Min(bytes.Length, 8000)].Contains((byte)0))
        {
            problem = "binary file (contains NUL bytes), not linted";
            return null;
        }

        problem = null;
        return SourceText.Decode(bytes, path);
    }
}
