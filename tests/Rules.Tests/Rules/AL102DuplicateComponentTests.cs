using AlloyLint.Rules.Correctness;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;
using Xunit;

namespace AlloyLint.Rules.Tests.Rules;

/// <summary>AL102 and AL112 locate the first declaration in a sibling file by the file's name.</summary>
public sealed class AL102DuplicateComponentTests
{
    [Theory]
    [InlineData("local.file \"token\" {\n\tfilename = \"/run/token\"\n}\n", "local.file \"token\" is already declared at a.alloy:1:1; labels must be unique per block name")]
    [InlineData("logging {\n\tlevel = \"info\"\n}\n", "logging is already declared at a.alloy:1:1; it may appear only once")]
    public void A_duplicate_in_a_sibling_file_is_located_by_the_file_name_whatever_path_the_folder_was_named_by(string block, string message)
    {
        var workspace = new InMemoryWorkspace().Add("/home/ci/work/config/a.alloy", block).Add("/home/ci/work/config/b.alloy", "\n" + block);
        var linter = new Linter(new LintSettings { Mode = ConfigurationMode.Directory }, [new AL102DuplicateComponent(), new AL112BlockOnce()]);

        var findings = linter.Lint(workspace.ReadAlloyFile("/home/ci/work/config/b.alloy")!, workspace);

        var finding = Assert.Single(findings);
        Assert.Equal(("/home/ci/work/config/b.alloy", 2), (finding.Source.Path, finding.Start.Line));
        Assert.Equal(message, finding.Message);
    }
}
