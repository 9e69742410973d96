using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Fixes;
using Xunit;

namespace AlloyLint.Rules.Tests.Fixes;

public sealed class SourceEditsTests
{
    [Theory]
    [InlineData("", "prometheus.exporter.self \"alloy\" { }\n")]
    [InlineData("logging { }\n", "logging { }\n\nprometheus.exporter.self \"alloy\" { }\n")]
    [InlineData("logging { }", "logging { }\n\nprometheus.exporter.self \"alloy\" { }\n")]
    [InlineData("logging { }\n\n", "logging { }\n\nprometheus.exporter.self \"alloy\" { }\n")]
    [InlineData("logging { }\n\n\n \n", "logging { }\n\nprometheus.exporter.self \"alloy\" { }\n")]
    [InlineData("// only a comment\n\n\n", "// only a comment\n\nprometheus.exporter.self \"alloy\" { }\n")]
    public void AppendsToTheFileAfterOneBlankLine(string text, string expected)
    {
        var tree = Parse(text);

        Assert.Equal(expected, Apply(tree, SourceEdits.AppendToFile(tree, "prometheus.exporter.self \"alloy\" {}")));
    }

    [Fact]
    public void InsertsAfterAStatementsTrailingComment()
    {
        var tree = Parse("prometheus.exporter.self \"alloy\" { } // exposed\n\nlogging { }\n");

        var edit = SourceEdits.InsertAfter(tree, tree.Root.Statements[0], "prometheus.scrape \"s\" {\ntargets = prometheus.exporter.self.alloy.targets\nforward_to = []\n}");

        Assert.Equal(
            "prometheus.exporter.self \"alloy\" { } // exposed\n\nprometheus.scrape \"s\" {\n\ttargets    = prometheus.exporter.self.alloy.targets\n\tforward_to = []\n}\n\nlogging { }\n",
            Apply(tree, edit));
    }

    [Fact]
    public void InsertsAfterANestedStatementAtItsIndentation()
    {
        var tree = Parse("declare \"x\" {\n\targument \"a\" { } // first\n}\n");

        var edit = SourceEdits.InsertAfter(tree, Block(tree, 0).Body.Statements[0], "argument \"b\" { optional = true }");

        Assert.Equal("declare \"x\" {\n\targument \"a\" { } // first\n\n\targument \"b\" {\n\t\toptional = true\n\t}\n}\n", Apply(tree, edit));
    }

    [Fact]
    public void ReplacesAnExistingAttributesValue()
    {
        var tree = Parse("logging {\n\tlevel = \"debug\" // why\n}\n");

        Assert.Equal("logging {\n\tlevel = \"info\" // why\n}\n", Apply(tree, SourceEdits.SetAttribute(tree, Block(tree, 0), "level", "\"info\"")!));
    }

    [Fact]
    public void InsertedAttributeJoinsTheAlignedRunAndRealignsIt()
    {
        var tree = Parse("tracing {\n\t// spans\n\tsampling_fraction = 0.1 // keep a tenth\n\tsend_traceparent  = true\n}\n");

        var edits = SourceEdits.SetAttribute(tree, Block(tree, 0), "write_to", "[otelcol.exporter.otlp.x.input]")!;

        Assert.Equal(
            "tracing {\n\t// spans\n\tsampling_fraction = 0.1 // keep a tenth\n\tsend_traceparent  = true\n\twrite_to          = [otelcol.exporter.otlp.x.input]\n}\n",
            Apply(tree, edits));
    }

    [Fact]
    public void ALongerNameRepadsTheRun()
    {
        var tree = Parse("logging {\n\tlevel = \"info\"\n}\n");

        Assert.Equal("logging {\n\tlevel  = \"info\"\n\tformat = \"json\"\n}\n", Apply(tree, SourceEdits.SetAttribute(tree, Block(tree, 0), "format", "\"json\"")!));
    }

    [Fact]
    public void ACommentBetweenNameAndEqualsLeavesAlignmentAlone()
    {
        var tree = Parse("logging {\n\tlevel /* l */ = \"info\"\n}\n");

        Assert.Equal("logging {\n\tlevel /* l */ = \"info\"\n\tformat = \"json\"\n}\n", Apply(tree, SourceEdits.SetAttribute(tree, Block(tree, 0), "format", "\"json\"")!));
    }

    [Fact]
    public void AnAttributeGoesBeforeTheFirstNestedBlock()
    {
        var tree = Parse("loki.write \"x\" {\n\tendpoint {\n\t\turl = \"u\"\n\t}\n}\n");

        Assert.Equal(
            "loki.write \"x\" {\n\texternal_labels = {service_name = \"alloy\"}\n\n\tendpoint {\n\t\turl = \"u\"\n\t}\n}\n",
            Apply(tree, SourceEdits.SetAttribute(tree, Block(tree, 0), "external_labels", "{service_name = \"alloy\"}")!));
    }

    [Fact]
    public void AOneLineBlockIsReprintedWithTheNewAttribute()
    {
        var tree = Parse("logging { } // stderr only\n");

        Assert.Equal("logging {\n\tformat = \"json\"\n} // stderr only\n", Apply(tree, SourceEdits.SetAttribute(tree, Block(tree, 0), "format", "\"json\"")!));
    }

    [Fact]
    public void ANestedOneLineBlockIsReprintedAtItsIndentation()
    {
        var tree = Parse("declare \"d\" {\n\tprometheus.scrape \"a\" { targets = [] }\n}\n");
        var scrape = (BlockStatement)Block(tree, 0).Body.Statements[0];

        Assert.Equal(
            "declare \"d\" {\n\tprometheus.scrape \"a\" {\n\t\ttargets         = []\n\t\tscrape_interval = \"60s\"\n\t}\n}\n",
            Apply(tree, SourceEdits.SetAttribute(tree, scrape, "scrape_interval", "\"60s\"")!));
    }

    [Fact]
    public void AOneLineBlockWithACommentInsideGetsNoEdit()
    {
        var tree = Parse("logging { /* later */ }\n");

        Assert.Null(SourceEdits.SetAttribute(tree, Block(tree, 0), "format", "\"json\""));
    }

    [Theory]
    [InlineData("x = []\n", "x = [a.b.receiver]\n")]
    [InlineData("x = [c.d.receiver] // one\n", "x = [c.d.receiver, a.b.receiver] // one\n")]
    [InlineData("x = [\n\tc.d.receiver, // one\n]\n", "x = [\n\tc.d.receiver, // one\n\ta.b.receiver,\n]\n")]
    public void AppendsToAListInItsLayout(string text, string expected)
    {
        var tree = Parse(text);
        var list = (ArrayExpression)((AttributeStatement)tree.Root.Statements[0]).Value;

        Assert.Equal(expected, Apply(tree, SourceEdits.AppendElement(tree, list, "a.b.receiver")!));
    }

    [Fact]
    public void AnEmptyListWithACommentInsideGetsNoEdit()
    {
        var tree = Parse("x = [\n\t// nothing yet\n]\n");
        var list = (ArrayExpression)((AttributeStatement)tree.Root.Statements[0]).Value;

        Assert.Null(SourceEdits.AppendElement(tree, list, "a.b.receiver"));
    }

    [Fact]
    public void AppendsAFieldToAnObject()
    {
        var tree = Parse("x = {cluster = \"prod\"}\n");
        var labels = (ObjectExpression)((AttributeStatement)tree.Root.Statements[0]).Value;

        Assert.Equal("x = {cluster = \"prod\", service_name = \"alloy\"}\n", Apply(tree, SourceEdits.AppendField(tree, labels, "service_name = \"alloy\"")!));
    }

    [Fact]
    public void NewCodeTakesTheFilesSpacesAndCrlf()
    {
        var tree = Parse("/*\n * a comment indented by one space\n */\nloki.write \"x\" {\r\n  endpoint {\r\n    url = \"u\"\r\n  }\r\n}\r\n");

        var edit = SourceEdits.AppendToBody(tree, Block(tree, 0), "endpoint {\nurl = \"v\"\n}")!;

        Assert.Equal("  ", SourceEdits.IndentUnit(tree));
        Assert.EndsWith("  }\r\n\r\n  endpoint {\r\n    url = \"v\"\r\n  }\r\n}\r\n", Apply(tree, edit), StringComparison.Ordinal);
    }

    private static SyntaxTree Parse(string text)
    {
        var tree = AlloyParser.Parse(SourceText.From(text, "test.alloy"));
        Assert.False(tree.HasErrors, string.Join("\n", tree.Diagnostics));
        return tree;
    }

    private static BlockStatement Block(SyntaxTree tree, int index) => (BlockStatement)tree.Root.Statements[index];

    private static string Apply(SyntaxTree tree, params TextEdit[] edits)
    {
        var text = tree.Source.Text;
        foreach (var edit in edits.OrderByDescending(edit => edit.Span.Start))
        {
            text = text[..edit.Span.Start] + edit.NewText + text[edit.Span.End..];
        }

        Assert.False(AlloyParser.Parse(SourceText.From(text)).HasErrors, text);
        return text;
    }
}
