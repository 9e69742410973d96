using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;
using Xunit;
using static AlloyLint.Rules.Tests.Support.TestRules;

namespace AlloyLint.Rules.Tests.Engine;

public sealed class FixEditsTests
{
    private static string Apply(SyntaxTree tree, TextEdit edit)
    {
        var text = tree.Source.Text;
        var result = text[..edit.Span.Start] + edit.NewText + text[edit.Span.End..];
        Assert.False(Parse(result).HasErrors, $"the edit left text that does not parse:\n{result}");
        return result;
    }

    private static BlockStatement Block(SyntaxTree tree, string name) =>
        tree.Root.DescendantsAndSelf().OfType<BlockStatement>().First(block => block.Name == name);

    [Theory]
    [InlineData("logging {\n\tlevel = \"info\"\n}\n", "logging {\n\tlevel = \"info\"\n}\n\nprometheus.exporter.self \"alloy\" { }\n")]
    [InlineData("logging {\n\tlevel = \"info\"\n}", "logging {\n\tlevel = \"info\"\n}\n\nprometheus.exporter.self \"alloy\" { }\n")]
    [InlineData("// only a comment\n\n\n", "// only a comment\n\nprometheus.exporter.self \"alloy\" { }\n")]
    [InlineData("", "prometheus.exporter.self \"alloy\" { }\n")]
    public void Appends_canonical_statements_after_one_blank_line(string text, string expected)
    {
        var tree = Parse(text);
        Assert.Equal(expected, Apply(tree, FixEdits.AppendStatements(tree, "prometheus.exporter.self \"alloy\" {}")));
    }

    [Fact]
    public void Inserts_after_a_statement_at_its_indentation()
    {
        var tree = Parse("declare \"x\" {\n\targument \"a\" { } // first\n}\n");
        var argument = Block(tree, "argument");
        Assert.Equal(
            "declare \"x\" {\n\targument \"a\" { } // first\n\n\targument \"b\" {\n\t\toptional = true\n\t}\n}\n",
            Apply(tree, FixEdits.InsertStatementsAfter(tree, argument, "argument \"b\" { optional = true }")));
    }

    [Theory]
    [InlineData(
        "prometheus.scrape \"a\" {\n\ttargets = []\n\tscrape_interval = \"15s\" // fast\n}\n",
        "prometheus.scrape \"a\" {\n\ttargets = []\n\tscrape_interval = \"60s\" // fast\n}\n")]
    [InlineData(
        "prometheus.scrape \"a\" {\n\ttargets    = [] // t\n\tforward_to = []\n\n\tclustering {\n\t\tenabled = false\n\t}\n}\n",
        "prometheus.scrape \"a\" {\n\ttargets    = [] // t\n\tforward_to = []\n\tscrape_interval = \"60s\"\n\n\tclustering {\n\t\tenabled = false\n\t}\n}\n")]
    [InlineData(
        "prometheus.scrape \"a\" { // keep\n\tclustering {\n\t\tenabled = false\n\t}\n}\n",
        "prometheus.scrape \"a\" { // keep\n\tscrape_interval = \"60s\"\n\tclustering {\n\t\tenabled = false\n\t}\n}\n")]
    [InlineData(
        "prometheus.scrape \"a\" { }\n",
        "prometheus.scrape \"a\" {\n\tscrape_interval = \"60s\"\n}\n")]
    [InlineData(
        "declare \"d\" {\n\tprometheus.scrape \"a\" { targets = [] }\n}\n",
        "declare \"d\" {\n\tprometheus.scrape \"a\" {\n\t\ttargets         = []\n\t\tscrape_interval = \"60s\"\n\t}\n}\n")]
    public void Sets_an_attribute_by_replacing_or_inserting(string text, string expected)
    {
        var tree = Parse(text);
        Assert.Equal(expected, Apply(tree, FixEdits.SetAttribute(tree, Block(tree, "prometheus.scrape"), "scrape_interval", "\"60s\"")));
    }

    [Theory]
    [InlineData("x \"y\" {\n\tforward_to = []\n}\n", "x \"y\" {\n\tforward_to = [b.c.receiver]\n}\n")]
    [InlineData("x \"y\" {\n\tforward_to = [a.b.receiver]\n}\n", "x \"y\" {\n\tforward_to = [a.b.receiver, b.c.receiver]\n}\n")]
    [InlineData(
        "x \"y\" {\n\tforward_to = [\n\t\ta.b.receiver, // first\n\t]\n}\n",
        "x \"y\" {\n\tforward_to = [\n\t\ta.b.receiver, // first\n\t\tb.c.receiver,\n\t]\n}\n")]
    public void Appends_to_a_list(string text, string expected)
    {
        var tree = Parse(text);
        var list = (ArrayExpression)Block(tree, "x").Body.Attributes.Single().Value;
        Assert.Equal(expected, Apply(tree, FixEdits.AppendToList(tree, list, "b.c.receiver")));
    }

    [Fact]
    public void Edits_keep_the_model_resolvable()
    {
        var tree = Parse("prometheus.exporter.self \"alloy\" { }\n");
        var fixedText = Apply(tree, FixEdits.AppendStatements(tree, "prometheus.scrape \"alloy\" { targets = prometheus.exporter.self.alloy.targets\nforward_to = [] }"));
        var model = SemanticModel.Build([Parse(fixedText)]);
        Assert.Equal(ReferenceKind.Component, Assert.Single(model.References).Kind);
    }
}
