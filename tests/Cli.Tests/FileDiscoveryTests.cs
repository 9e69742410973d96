using AlloyLint.Cli.Discovery;
using Xunit;

namespace AlloyLint.Cli.Tests;

public class FileDiscoveryTests
{
    private static IEnumerable<string> Relative(TempTree tree, IReadOnlyList<string> files) =>
        files.Select(file => Path.GetRelativePath(tree.Root, file).Replace('\\', '/'));

    [Fact]
    public void Walks_folders_for_alloy_files_skipping_tool_folders_and_sorting()
    {
        using var tree = new TempTree()
            .File("b.alloy").File("a.alloy").File("notes.txt").File("sub/c.alloy")
            .File(".git/x.alloy").File("node_modules/x.alloy").File("bin/x.alloy").File("obj/x.alloy");

        var (files, problems) = new FileDiscovery(tree.Root).Discover(["."]);

        Assert.Empty(problems);
        Assert.Equal(["a.alloy", "b.alloy", "sub/c.alloy"], Relative(tree, files));
    }

    [Fact]
    public void Honours_nested_gitignore_files_with_negation_and_dir_only_patterns()
    {
        using var tree = new TempTree()
            .Folder(".git")
            .File(".gitignore", "generated/\n*.tmp.alloy\n/rooted.alloy\n")
            .File("rooted.alloy").File("keep.alloy").File("x.tmp.alloy")
            .File("generated/g.alloy")
            .File("team/rooted.alloy")
            .File("team/.gitignore", "*.alloy\n!wanted.alloy\n")
            .File("team/wanted.alloy").File("team/unwanted.alloy");

        var (files, _) = new FileDiscovery(tree.Root).Discover(["."]);

        Assert.Equal(["keep.alloy", "team/wanted.alloy"], Relative(tree, files));
    }

    [Fact]
    public void Applies_gitignore_files_above_a_named_folder_up_to_the_repository_root()
    {
        using var tree = new TempTree()
            .Folder(".git")
            .File(".gitignore", "**/vendor/**\n")
            .File("deploy/app.alloy").File("deploy/vendor/x.alloy");

        var (files, _) = new FileDiscovery(tree.Root).Discover(["deploy"]);

        Assert.Equal(["deploy/app.alloy"], Relative(tree, files));
    }

    [Fact]
    public void Lints_a_named_file_even_when_ignored_and_whatever_its_extension()
    {
        using var tree = new TempTree().File(".gitignore", "*.alloy\n").File("x.alloy").File("config.river");

        var (files, _) = new FileDiscovery(tree.Root).Discover(["x.alloy", "config.river", "./x.alloy"]);

        Assert.Equal(["config.river", "x.alloy"], Relative(tree, files));
    }

    [Fact]
    public void Reports_a_missing_path_and_keeps_the_others()
    {
        using var tree = new TempTree().File("a.alloy");

        var (files, problems) = new FileDiscovery(tree.Root).Discover(["missing.alloy", "a.alloy"]);

        Assert.Equal(["a.alloy"], Relative(tree, files));
        Assert.Equal(new PathProblem("missing.alloy", "no such file or directory"), Assert.Single(problems));
    }

    [Fact]
    public void Returns_full_paths()
    {
        using var tree = new TempTree().File("a.alloy");

        var (files, _) = new FileDiscovery("/").Discover([tree.Root]);

        Assert.Equal(Path.Combine(tree.Root, "a.alloy"), Assert.Single(files));
    }

    [Fact]
    public void Skips_what_the_exclusion_callback_rejects_without_descending()
    {
        using var tree = new TempTree().File("keep/a.alloy").File("skip/b.alloy");

        var (files, _) = new FileDiscovery(tree.Root, (path, isDirectory) => isDirectory && path.EndsWith("skip", StringComparison.Ordinal)).Discover(["."]);

        Assert.Equal(["keep/a.alloy"], Relative(tree, files));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Reports_an_unreadable_folder_and_lints_the_rest()
    {
        if (OperatingSystem.IsWindows() || Environment.IsPrivilegedProcess)
        {
            Assert.Skip("Running as root (or on Windows), which reads folders whatever their Unix permissions: this in-process case cannot be produced here; CliProcessTests covers it by running the CLI as an unprivileged user.");
        }

        using var tree = new TempTree().File("ok.alloy").File("locked/x.alloy");
        var locked = Path.Combine(tree.Root, "locked");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var (files, problems) = new FileDiscovery(tree.Root).Discover(["."]);

            Assert.Equal(["ok.alloy"], Relative(tree, files));
            Assert.Equal(new PathProblem(locked, "permission denied"), Assert.Single(problems));
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Show_files_lists_what_a_lint_would_read_after_excludes_and_gitignore()
    {
        using var tree = new TempTree()
            .File(".alloylint.yaml", "exclude: [\"vendor/**\"]\n")
            .File(".gitignore", "generated/\n")
            .File("b/config.alloy", "logging {}\n")
            .File("a.alloy", "syntax error {\n")
            .File("vendor/x.alloy")
            .File("generated/y.alloy");

        var listed = CliRunner.Run(tree.Root, "--show-files", ".", "missing.alloy");

        Assert.Equal(2, listed.ExitCode);
        Assert.Equal("a.alloy\nb/config.alloy\n", listed.Out);
        Assert.Equal("missing.alloy: error: no such file or directory\n", listed.Error);
        Assert.Equal(2, CliRunner.Run(tree.Root, "--show-files", "--fix", ".").ExitCode);
    }
}
