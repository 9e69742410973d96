using System.Text;
using AlloyLint.Cli.IO;
using Xunit;

namespace AlloyLint.Cli.Tests.IO;

/// <summary><see cref="AtomicFile.Replace"/> only replaces a file that is still what was read and is writable.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AtomicFileReplaceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alloylint-replace-").FullName;

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(_directory))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Replaces_a_file_that_is_unchanged()
    {
        var path = Write("config.alloy", "old\n");
        AtomicFile.Replace(path, Bytes("old\n"), Bytes("new\n"));
        Assert.Equal("new\n", File.ReadAllText(path));
    }

    [Fact]
    public void Leaves_a_file_that_changed_since_it_was_read()
    {
        var path = Write("config.alloy", "edited by someone else\n");
        var error = Assert.ThrowsAny<IOException>(() => AtomicFile.Replace(path, Bytes("old\n"), Bytes("new\n")));
        Assert.Equal("changed on disk during the run; not rewritten", error.Message);
        Assert.Equal("edited by someone else\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void Does_not_recreate_a_file_that_vanished()
    {
        var path = Path.Combine(_directory, "gone.alloy");
        var error = Assert.ThrowsAny<IOException>(() => AtomicFile.Replace(path, Bytes("old\n"), Bytes("new\n")));
        Assert.Equal("vanished during the run; not rewritten", error.Message);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public void Leaves_a_read_only_file()
    {
        var path = Write("config.alloy", "old\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        var error = Assert.ThrowsAny<IOException>(() => AtomicFile.Replace(path, Bytes("old\n"), Bytes("new\n")));
        Assert.Equal("read-only; not rewritten", error.Message);
        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_directory));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
