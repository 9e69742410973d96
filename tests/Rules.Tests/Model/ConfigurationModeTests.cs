using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using Xunit;

namespace AlloyLint.Rules.Tests.Model;

/// <summary>How the files of a directory become configurations in each mode.</summary>
public sealed class ConfigurationModeTests
{
    private static InMemoryWorkspace Directory() => new InMemoryWorkspace()
        .Add("cfg/000_remote_write.alloy", "prometheus.remote_write \"default\" { }\n")
        .Add("cfg/001_scrape.alloy", "prometheus.scrape \"app\" {\n\ttargets    = discovery.relabel.app.output\n\tforward_to = [prometheus.remote_write.default.receiver]\n}\n")
        .Add("cfg/002_relabel.alloy", "discovery.relabel \"app\" {\n\ttargets = []\n}\n")
        .Add("cfg/standalone.alloy", "logging {\n\tlevel = \"info\"\n}\n")
        .Add("cfg/uses_module.alloy", "mod.thing \"x\" { }\n")
        .Add("cfg/module.alloy", "import.file \"mod\" {\n\tfilename = \"m.alloy\"\n}\n")
        .Add("other/000_remote_write.alloy", "prometheus.remote_write \"default\" { }\n");

    private static List<string> Groups(ConfigurationMode mode, params string[] requested)
    {
        var workspace = Directory();
        var sources = requested.Select(path => workspace.ReadAlloyFile(path)!).ToList();
        return new Linter(new LintSettings { Mode = mode }).FormConfigurations(sources, workspace)
            .Select(configuration => string.Join(" + ", configuration.Trees.Select(tree => Path.GetFileName(tree.Source.Path))))
            .ToList();
    }

    [Fact]
    public void Auto_joins_files_that_reference_each_other_through_a_chain()
    {
        Assert.Equal(
            ["000_remote_write.alloy + 001_scrape.alloy + 002_relabel.alloy", "module.alloy + uses_module.alloy", "standalone.alloy"],
            Groups(ConfigurationMode.Auto, "cfg/000_remote_write.alloy", "cfg/standalone.alloy", "cfg/uses_module.alloy"));
    }

    [Fact]
    public void Auto_reads_unrequested_siblings_to_complete_a_configuration()
    {
        Assert.Equal(["000_remote_write.alloy + 001_scrape.alloy + 002_relabel.alloy"], Groups(ConfigurationMode.Auto, "cfg/002_relabel.alloy"));
    }

    [Fact]
    public void Directory_mode_loads_every_file_of_the_directory_together()
    {
        Assert.Equal(
            ["000_remote_write.alloy + 001_scrape.alloy + 002_relabel.alloy + module.alloy + standalone.alloy + uses_module.alloy", "000_remote_write.alloy"],
            Groups(ConfigurationMode.Directory, "cfg/standalone.alloy", "other/000_remote_write.alloy"));
    }

    [Fact]
    public void File_mode_never_consults_siblings()
    {
        Assert.Equal(["001_scrape.alloy", "standalone.alloy"], Groups(ConfigurationMode.File, "cfg/001_scrape.alloy", "cfg/standalone.alloy"));
    }

    [Fact]
    public void A_requested_text_replaces_the_file_on_disk()
    {
        var workspace = Directory();
        var edited = SourceText.From("prometheus.remote_write \"renamed\" { }\n", "cfg/000_remote_write.alloy");
        var configurations = new Linter(LintSettings.Default).FormConfigurations([edited], workspace);
        var configuration = Assert.Single(configurations);
        Assert.Same(edited, Assert.Single(configuration.Trees).Source);
    }

    [Fact]
    public void Replacing_swaps_the_file_of_the_same_path_and_keeps_what_is_requested()
    {
        var workspace = Directory();
        var requested = workspace.ReadAlloyFile("cfg/002_relabel.alloy")!;
        var configuration = Assert.Single(new Linter(LintSettings.Default).FormConfigurations([requested], workspace));
        var rewritten = AlloyParser.Parse(requested.WithText("discovery.relabel \"app\" {\n\ttargets = [{}]\n}\n"));

        var replaced = configuration.Replacing(rewritten);

        Assert.Equal(configuration.Trees.Select(tree => tree.Source.Path), replaced.Trees.Select(tree => tree.Source.Path));
        Assert.Same(rewritten, Assert.Single(replaced.RequestedTrees));
        Assert.Equal(configuration.Trees.Where(tree => tree.Source != requested), replaced.Trees.Where(tree => tree != rewritten));
        var stranger = AlloyParser.Parse(SourceText.From("logging { }\n", "cfg/standalone.alloy"));
        Assert.Throws<ArgumentException>(() => configuration.Replacing(stranger));
    }
}
