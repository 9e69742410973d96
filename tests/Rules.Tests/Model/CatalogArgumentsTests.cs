using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Model;
using Xunit;
using static AlloyLint.Rules.Tests.Support.TestRules;

namespace AlloyLint.Rules.Tests.Model;

public sealed class CatalogArgumentsTests
{
    [Fact]
    public void Finds_secrets_at_every_depth_with_the_blocks_leading_to_them()
    {
        var model = BuildModel("""
            prometheus.remote_write "default" {
            	endpoint {
            		url = "https://example.com"

            		queue_config { }

            		basic_auth {
            			username = "u"
            			password = "p"
            		}

            		bearer_token = "t"
            	}
            }

            prometheus.scrape "app" {
            	targets      = []
            	forward_to   = []
            	bearer_token = "s"
            }
            """);

        var found = CatalogArguments.Where(model, static attribute => attribute.IsSecret, static _ => false);

        Assert.Equal(
            [
                "bearer_token in `prometheus.remote_write \"default\"` › `endpoint`",
                "password in `prometheus.remote_write \"default\"` › `endpoint` › `basic_auth`",
                "bearer_token in `prometheus.scrape \"app\"`",
            ],
            found.Select(argument => $"{argument.Name} in {argument.Location}"));
        Assert.All(found, argument => Assert.IsType<AttributeStatement>(argument.Statement));
        Assert.NotNull(found[0].ParentSchema.FindBlock("basic_auth"));
        Assert.NotNull(found[1].ParentSchema.FindAttribute("username"));
    }

    [Theory]
    [InlineData("")] // checked against the catalog: found through the checked bodies
    [InlineData("import.file \"prometheus\" {\n\tfilename = \"lib.alloy\"\n}\n")] // imported: found through the syntax
    public void Only_the_statements_the_filter_accepts_are_found(string import)
    {
        var model = BuildModel(import + """
            prometheus.remote_write "default" {
            	endpoint {
            		bearer_token = sys.env("TOKEN")

            		basic_auth {
            			password = "p"
            		}
            	}
            }
            """);

        var found = CatalogArguments.Where(
            model,
            static attribute => attribute.IsSecret,
            static _ => false,
            static statement => statement is AttributeStatement { Value: LiteralExpression });

        Assert.Equal(["password"], found.Select(argument => argument.Name));
    }

    [Fact]
    public void Components_named_like_the_catalog_but_imported_are_walked_through_their_syntax()
    {
        var model = BuildModel("""
            import.file "prometheus" {
            	filename = "lib.alloy"
            }

            prometheus.remote_write "default" {
            	endpoint {
            		basic_auth {
            			password = "p"
            		}
            	}
            }
            """);

        var argument = Assert.Single(CatalogArguments.Where(model, static attribute => attribute.IsSecret, static _ => false));

        Assert.NotNull(((ComponentInstance)argument.Owner).Import);
        Assert.Equal("`prometheus.remote_write \"default\"` › `endpoint` › `basic_auth`", argument.Location);
    }

    [Fact]
    public void Finds_deprecated_blocks_as_well_as_attributes()
    {
        var model = BuildModel("""
            otelcol.auth.basic "creds" {
            	username = "u"
            	password = sys.env("P")
            }
            """);

        var found = CatalogArguments.Where(model, static attribute => attribute.Deprecated, static block => block.Deprecated);

        Assert.Equal(["username", "password"], found.Select(argument => argument.Name));
        Assert.All(found, argument => Assert.Empty(argument.Blocks));
    }
}
