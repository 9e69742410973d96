using AlloyLint.Cli.IO;
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
}
