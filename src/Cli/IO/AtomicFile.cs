namespace AlloyLint.Cli.IO;

/// <summary>
/// Replaces a file's content atomically: the bytes go to a temporary file in the same folder, which is flushed
/// to disk, given the original's Unix permissions and renamed over the original. A reader sees either the old
/// or the new content, never a half-written file; on failure the original is untouched and the temporary file
/// is removed. A symbolic link is followed: its target is replaced, the link stays.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, byte[] content) => Write(path, content, beforeRename: null);

    private static void Write(string path, byte[] content, Action? beforeRename)
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

            beforeRename?.Invoke();
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Replaces a file that was read earlier in the run, only if it is still exactly what was read and may be
    /// written: a file that vanished, changed on disk meanwhile, or is read-only (no write permission bit, or not
    /// openable for writing) is left untouched and an <see cref="IOException"/> says why (without the path, which the caller shows). The content is compared
    /// again just before the rename, so the window for a concurrent edit is the rename itself.
    /// </summary>
    public static void Replace(string path, byte[] expectedContent, byte[] content)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(content);
        var target = ResolveTarget(Path.GetFullPath(path));
        EnsureUnchanged(target, expectedContent);
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(target) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0)
        {
            throw new IOException("read-only; not rewritten");
        }

        try
        {
            using var probe = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        }
        catch (UnauthorizedAccessException)
        {
            throw new IOException("not writable; not rewritten");
        }

        Write(target, content, () => EnsureUnchanged(target, expectedContent));
    }

    private static void EnsureUnchanged(string target, ReadOnlySpan<byte> expectedContent)
    {
        byte[] current;
        try
        {
            current = File.ReadAllBytes(target);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new IOException("vanished during the run; not rewritten");
        }

        if (!current.AsSpan().SequenceEqual(expectedContent))
        {
            throw new IOException("changed on disk during the run; not rewritten");
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
