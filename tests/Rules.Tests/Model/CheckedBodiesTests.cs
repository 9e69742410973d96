using System.Text;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Catalog;
using Xunit;
using static AlloyLint.Rules.Tests.Support.TestRules;

namespace AlloyLint.Rules.Tests.Model;

public sealed class CheckedBodiesTests
{
    [Fact]
    public void Lists_each_owner_s_bodies_outermost_first_with_each_statement_s_schema()
    {
        var model = BuildModel("""
            prometheus.exporter.self "empty" { }

            logging {
            	level = "info"
            }

            unknown.component "x" {
            	a = 1
            }

            loki.write "default" {
            	endpoint {
            		url = "https://example.com"
            		basic_auth {
            			username = "u"
            			nonsense = 1
            		}
            	}
            	typo { }
            	external_labels = { }
            }
            """);

        var bodies = model.CheckedBodies.Select(Describe).ToList();

        Assert.Equal(
            [
                "prometheus.exporter.self \"empty\": ",
                "logging: level=attribute",
                "loki.write \"default\": endpoint=block typo=unknown external_labels=attribute",
                "endpoint block of loki.write \"default\": url=attribute basic_auth=block",
                "basic_auth block of loki.write \"default\": username=attribute nonsense=unknown",
            ],
            bodies);
        Assert.Equal(bodies.Count, model.CheckedBodies.Count);
    }

    [Fact]
    public void Reads_the_statements_of_bodies_that_fill_several_chunks_and_of_a_body_longer_than_a_chunk()
    {
        // 9,000 attributes in one body (longer than a chunk of codes), then many small bodies after it.
        var text = new StringBuilder("prometheus.scrape \"big\" {\n");
        for (var i = 0; i < 9_000; i++)
        {
            text.Append(i % 2 == 0 ? "\tscrape_interval = \"1m\"\n" : $"\tunknown_{i} = 1\n");
        }

        text.Append("}\n");
        for (var i = 0; i < 3_000; i++)
        {
            text.Append($"prometheus.scrape \"s{i}\" {{\n\ttargets = []\n\tforward_to = []\n\tjob_name = \"{i}\"\n}}\n");
        }

        var model = BuildModel(text.ToString());

        var big = model.CheckedBodies.First();
        Assert.Equal(9_000, big.Statements.Length);
        for (var i = 0; i < big.Statements.Length; i++)
        {
            var statement = big.Statements[i];
            Assert.Same(big.Syntax.Statements[i], statement.Syntax);
            Assert.Equal(i % 2 == 0 ? "scrape_interval" : null, statement.Attribute?.Name);
        }

        var small = model.CheckedBodies.Skip(1).ToList();
        Assert.Equal(3_000, small.Count);
        Assert.All(small, body => Assert.Equal(
            "targets forward_to job_name",
            string.Join(' ', Statements(body).Select(statement => statement.Attribute!.Name))));
        Assert.Equal("prometheus.scrape \"s2999\"", small[^1].Owner.DisplayName);
    }

    [Fact]
    public void A_custom_component_with_more_arguments_than_codes_still_knows_each_statement()
    {
        var text = new StringBuilder("declare \"wide\" {\n");
        for (var i = 0; i < 70_000; i++)
        {
            text.Append($"\targument \"a{i}\" {{ }}\n");
        }

        text.Append("}\n\nwide \"x\" {\n\ta1 = 1\n\ta69999 = 2\n\tnot_an_argument = 3\n\tblock { }\n}\n");

        var model = BuildModel(text.ToString());

        var body = Assert.Single(model.CheckedBodies, body => body.Owner.Name == "wide");
        Assert.Equal("wide \"x\": a1=attribute a69999=attribute not_an_argument=unknown block=unknown", Describe(body));
    }

    private static string Describe(CheckedBody body) =>
        $"{body.Where}: " + string.Join(' ', Statements(body).Select(statement => statement.Syntax switch
        {
            AttributeStatement attribute => $"{attribute.Name.Name}={Kind(statement)}",
            BlockStatement block => $"{block.Name}={Kind(statement)}",
            _ => "?",
        }));

    private static string Kind(CheckedStatement statement) =>
        statement.Attribute is not null ? "attribute" : statement.Block is not null ? "block" : statement.IsKnown ? "?" : "unknown";

    private static List<CheckedStatement> Statements(CheckedBody body)
    {
        var statements = new List<CheckedStatement>();
        foreach (var statement in body.Statements)
        {
            statements.Add(statement);
        }

        return statements;
    }
}
