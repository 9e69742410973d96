using AlloyLint.Cli.IO;
using Xunit;

namespace AlloyLint.Cli.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alloylint-atomic-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ReplacesContentAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_directory, "config.alloy");
        File.WriteAllText(path, "old content that is longer than the new one\n");
        AtomicFile.Write(path, "new\n"u8.ToArray());
        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Equal(["config.alloy"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void CreatesAMissingFile()
    {
        var path = Path.Combine(_directory, "new.alloy");
        AtomicFile.Write(path, [0xEF, 0xBB, 0xBF, (byte)'a']);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a' }, File.ReadAllBytes(path));
    }

    [Fact]
    public void KeepsTheUnixFileMode()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes do not exist on Windows.");
            return;
        }

        var path = Path.Combine(_directory, "script.alloy");
        File.WriteAllText(path, "x\n");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, mode);
        AtomicFile.Write(path, "y\n"u8.ToArray());
        Assert.Equal(mode, File.GetUnixFileMode(path));
    }

    [Fact]
    public void WritesThroughASymbolicLinkAndKeepsTheLink()
    {
        var target = Path.Combine(_directory, "real.alloy");
        var link = Path.Combine(_directory, "link.alloy");
        File.WriteAllText(target, "x\n");
        File.CreateSymbolicLink(link, target);
        AtomicFile.Write(link, "y\n"u8.ToArray());
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("y\n", File.ReadAllText(target));
    }

    [Fact]
    public void FailureLeavesTheOriginalAndNoTemporaryFile()
    {
        var missingFolder = Path.Combine(_directory, "missing", "config.alloy");
        Assert.ThrowsAny<IOException>(() => AtomicFile.Write(missingFolder, "x"u8.ToArray()));
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }
}
