namespace AlloyLint.Cli.IO;

/// <summary>
/// Replaces a file's content atomically: the bytes go to a temporary file in the same folder, which is flushed
/// to disk, given the original's Unix permissions and renamed over the original. A reader sees either the old
/// or the new content, never a half-written file; on failure the original is untouched and the temporary file
/// is removed. A symbolic link is followed: its target is replaced, the link stays.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, byte[] content)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(content);
        var target = ResolveTarget(Path.GetFullPath(path));
        var directory = Path.GetDirectoryName(target) ?? throw new IOException($"{path}: no containing folder");
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static string ResolveTarget(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null)
        {
            return path;
        }

        var final = info.ResolveLinkTarget(returnFinalTarget: true);
        return final?.FullName ?? path;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original error matters more than a leftover temporary file.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
