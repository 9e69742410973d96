using Xunit;

namespace AlloyLint.Cli.Tests;

/// <summary><c>per-file-ignores</c> in <c>.alloylint.yaml</c>, end to end: which findings it drops, and what it leaves to fixes and suppressions.</summary>
public sealed class PerFileIgnoresTests
{
    private const string Deprecated = "logging {\n\tlevel = env(\"LEVEL\")\n}\n";

    [Fact]
    public void Drops_the_rules_findings_in_the_matched_files_only_and_leaves_them_unfixed()
    {
        using var tree = new TempTree()
            .File(".alloylint.yaml", "select: [AL401, AL901]\nper-file-ignores:\n  \"modules/**\": [AL401]\n")
            .File("main/config.alloy", Deprecated)
            .File("modules/a/config.alloy", Deprecated)
            .File("modules/b/config.alloy", "logging {\n\t// alloylint-disable-next-line AL401\n\tlevel = env(\"LEVEL\")\n}\n");

        var lint = CliRunner.Run(tree.Root, "--format", "concise", "--quiet", ".");
        var fix = CliRunner.Run(tree.Root, "--fix", "--format", "concise", "--quiet", ".");

        // The suppression in modules/b covers a finding before per-file-ignores drops it, so it is not unused.
        Assert.Equal("main/config.alloy:2:10: warning: `env` is deprecated; use `sys.env` [AL401]\n", lint.Out);
        Assert.Equal(0, fix.ExitCode);
        Assert.Equal("logging {\n\tlevel = sys.env(\"LEVEL\")\n}\n", File.ReadAllText(Path.Combine(tree.Root, "main/config.alloy")));
        Assert.Equal(Deprecated, File.ReadAllText(Path.Combine(tree.Root, "modules/a/config.alloy")));
    }
}
