using System.Runtime.InteropServices;
using System.Text;
using AlloyLint.Cli.IO;
using AlloyLint.Parser.Text;
using Xunit;

namespace AlloyLint.Cli.Tests.IO;

public sealed class DiskWorkspaceTests
{
    [Fact]
    public void ListsAlloyFilesAndAllFilesOfAFolderSorted()
    {
        using var tree = new TempTree()
            .File("stack/docker-compose.base.yml", "services: {}\n")
            .File("stack/b.alloy")
            .File("stack/a.alloy")
            .File("stack/nested/c.alloy");
        var workspace = new DiskWorkspace(tree.Root);

        Assert.Equal(["a.alloy", "b.alloy"], workspace.AlloyFilesInDirectory("stack").Select(Path.GetFileName));
        Assert.Equal(["a.alloy", "b.alloy", "docker-compose.base.yml"], workspace.FilesInDirectory("stack").Select(Path.GetFileName));
        Assert.Empty(workspace.FilesInDirectory("missing"));
    }

    [Fact]
    public void KeepsTheTreeOfAFileUntilItsWriteTimeOrLengthChangesAndNeverOfAnOverlay()
    {
        using var tree = new TempTree().File("a.alloy", "logging {}\n");
        var path = Path.Combine(tree.Root, "a.alloy");
        AlloyLint.Rules.Engine.IWorkspace keeping = new DiskWorkspace(tree.Root, keepTrees: true);
        AlloyLint.Rules.Engine.IWorkspace oneShot = new DiskWorkspace(tree.Root);

        var first = keeping.ParseAlloyFile("a.alloy");
        Assert.Same(first, keeping.ParseAlloyFile(path));
        Assert.NotSame(oneShot.ParseAlloyFile("a.alloy"), oneShot.ParseAlloyFile("a.alloy"));

        // As long, written later.
        File.WriteAllText(path, "tracing {}\n");
        var written = File.GetLastWriteTimeUtc(path).AddSeconds(1);
        File.SetLastWriteTimeUtc(path, written);
        var rewritten = keeping.ParseAlloyFile("a.alloy")!;
        Assert.NotSame(first, rewritten);
        Assert.Equal("tracing {}\n", rewritten.Source.Text);

        // Longer, with the same write time.
        File.WriteAllText(path, "tracing { }\n");
        File.SetLastWriteTimeUtc(path, written);
        Assert.Equal("tracing { }\n", keeping.ParseAlloyFile("a.alloy")!.Source.Text);

        var workspace = (DiskWorkspace)keeping;
        workspace.Overlay(SourceText.From("logging { level = \"info\" }\n", path));
        Assert.Equal("logging { level = \"info\" }\n", keeping.ParseAlloyFile("a.alloy")!.Source.Text);
        File.Delete(path);
        workspace.RemoveOverlay(path);
        Assert.Null(keeping.ParseAlloyFile("a.alloy"));
    }

    [Fact]
    public void ReadDecodesTheFileKeepingItsBomAndLineEndings()
    {
        var text = "logging {\r\n  level = \"info\" // é\r\n}\r\n" + new string('x', 100_000);
        using var tree = new TempTree().Bytes("a.alloy", [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(text)]);

        var source = DiskWorkspace.Read(Path.Combine(tree.Root, "a.alloy"), out var problem);

        Assert.Null(problem);
        Assert.Equal(text, source!.Text);
        Assert.True(source.HasBom);
        Assert.Empty(source.InvalidUtf8Offsets);
    }

    [Fact]
    public void ReadsALargeFileInPiecesAsAWhole()
    {
        var text = string.Concat(Enumerable.Repeat("a = \"é😀\"\n", SourceText.ParallelDecodeThreshold / 4)) + "end";
        using var tree = new TempTree().Bytes("large.alloy", Encoding.UTF8.GetBytes(text));

        var source = DiskWorkspace.Read(Path.Combine(tree.Root, "large.alloy"), out var problem);

        Assert.Null(problem);
        Assert.Equal(text, source!.Text);
    }

    [Fact]
    public void ReadRecordsInvalidUtf8AndRefusesBinaryFiles()
    {
        using var tree = new TempTree()
            .Bytes("invalid.alloy", [(byte)'a', 0xFF, (byte)'b'])
            .Bytes("binary.alloy", [(byte)'a', 0, (byte)'b'])
            .File("empty.alloy");

        Assert.Equal([1], DiskWorkspace.Read(Path.Combine(tree.Root, "invalid.alloy"), out _)!.InvalidUtf8Offsets);
        Assert.Null(DiskWorkspace.Read(Path.Combine(tree.Root, "binary.alloy"), out var binary));
        Assert.Equal("binary file (contains NUL bytes), not linted", binary);
        Assert.Equal(string.Empty, DiskWorkspace.Read(Path.Combine(tree.Root, "empty.alloy"), out _)!.Text);
        Assert.Null(DiskWorkspace.Read(Path.Combine(tree.Root, "missing.alloy"), out var missing));
        Assert.Equal("no such file or directory", missing);
    }

    [Fact]
    public async Task ReadsAPipeWhoseLengthIsUnknown()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "named pipes are made with Linux's mkfifo");
        using var tree = new TempTree();
        var fifo = Path.Combine(tree.Root, "pipe.alloy");
        Assert.Equal(0, MakeFifo(fifo, 0b110_000_000));
        // Opening a pipe blocks until the other end opens: the writer must not run on this thread.
        var writer = Task.Run(() => File.WriteAllText(fifo, "a = 1\n"), TestContext.Current.CancellationToken);

        var source = DiskWorkspace.Read(fifo, out var problem);

        await writer;
        Assert.Null(problem);
        Assert.Equal("a = 1\n", source!.Text);
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);
}
