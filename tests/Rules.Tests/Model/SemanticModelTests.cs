using AlloyLint.Rules.Model;
using Xunit;
using static AlloyLint.Rules.Tests.Support.TestRules;

namespace AlloyLint.Rules.Tests.Model;

public sealed class SemanticModelTests
{
    private const string SelfMonitoring = """
        prometheus.exporter.self "alloy" { }

        discovery.relabel "alloy" {
        	targets = prometheus.exporter.self.alloy.targets
        	rule {
        		target_label = "job"
        		replacement  = "integrations/alloy"
        	}
        }

        prometheus.scrape "alloy" {
        	targets         = discovery.relabel.alloy.output
        	scrape_interval = "1m"
        	forward_to      = [otelcol.receiver.prometheus.alloy.receiver]
        }

        otelcol.receiver.prometheus "alloy" {
        	output {
        		metrics = [otelcol.processor.batch.default.input]
        	}
        }

        otelcol.processor.batch "default" {
        	output {
        		metrics = [otelcol.exporter.otlphttp.cloud.input]
        	}
        }

        otelcol.auth.basic "cloud" {
        	client_auth {
        		username = sys.env("OTLP_USER")
        		password = coalesce(sys.env("OTLP_KEY"), env("API_KEY"), "")
        	}
        }

        otelcol.exporter.otlphttp "cloud" {
        	client {
        		endpoint = "https://otlp.example.com/otlp"
        		auth     = otelcol.auth.basic.cloud.handler
        	}
        }

        logging {
        	format   = "json"
        	write_to = [loki.write.cloud.receiver]
        }

        loki.write "cloud" {
        	endpoint {
        		url = sys.env("LOKI_URL")
        		basic_auth {
        			username = "12345"
        			password = sys.env("LOKI_KEY")
        		}
        	}
        }
        """;

    [Fact]
    public void Knows_components_and_configuration_blocks()
    {
        var model = BuildModel(SelfMonitoring);
        Assert.Equal(
            ["prometheus.exporter.self \"alloy\"", "discovery.relabel \"alloy\"", "prometheus.scrape \"alloy\"", "otelcol.receiver.prometheus \"alloy\"",
             "otelcol.processor.batch \"default\"", "otelcol.auth.basic \"cloud\"", "otelcol.exporter.otlphttp \"cloud\"", "loki.write \"cloud\""],
            model.Components.Select(component => component.DisplayName));
        Assert.Equal(["logging"], model.ConfigBlocks.Select(block => block.Name));
        Assert.NotNull(model.FindComponent("otelcol.exporter.otlphttp", "cloud"));
    }

    [Fact]
    public void A_block_is_named_alike_in_interpolated_messages()
    {
        var label = new string('x', 600);
        var model = BuildModel($"logging {{ }}\nloki.write \"{label}\" {{ }}\n");
        foreach (var block in model.AllBlocks)
        {
            Assert.Equal($"<{block.DisplayName}>", $"<{block.DisplayNameText}>");
        }

        Assert.Equal(["logging", $"loki.write \"{label}\""], model.AllBlocks.Select(block => block.DisplayName));
    }

    [Fact]
    public void Resolves_each_traversal_to_a_component_and_export()
    {
        var model = BuildModel(SelfMonitoring);
        var targets = Assert.Single(model.References, reference => reference.Text == "prometheus.exporter.self.alloy.targets");
        Assert.Equal(ReferenceKind.Component, targets.Kind);
        Assert.Equal("prometheus.exporter.self \"alloy\"", targets.Component!.DisplayName);
        Assert.Equal("targets", targets.Export);
        Assert.Equal("discovery.relabel \"alloy\"", targets.Owner!.DisplayName);
        Assert.Equal("targets", targets.OwnerAttribute);

        var metrics = Assert.Single(model.References, reference => reference.Text == "otelcol.exporter.otlphttp.cloud.input");
        Assert.Equal("otelcol.processor.batch \"default\"", metrics.Owner!.DisplayName);
        Assert.Equal("output.metrics", metrics.OwnerAttribute);
        Assert.Equal("input", metrics.Export);
    }

    [Fact]
    public void Resolves_by_the_longest_known_component_prefix()
    {
        var model = BuildModel("""
            a.b "c" { }
            a "b" { }
            x "y" {
            	one = a.b.c.d
            	two = a.b.e
            	three = a.b
            }
            """);
        Assert.Equal(
            ["a.b.c.d -> a.b \"c\" export d", "a.b.e -> a \"b\" export e", "a.b -> a \"b\""],
            model.References.Select(reference => reference.ToString()));
    }

    [Fact]
    public void Marks_unknown_names_unresolved_and_recognises_the_stdlib()
    {
        var model = BuildModel("""
            prometheus.scrape "x" {
            	targets    = [{ __address__ = constants.hostname }]
            	forward_to = [prometheus.remote_write.missing.receiver]
            	job_name   = string.format("%s", sys.env("JOB"))
            	params     = nothing_here
            }
            """);
        Assert.Equal(
            ["constants.hostname -> Stdlib", "prometheus.remote_write.missing.receiver -> Unresolved", "string.format -> Stdlib", "sys.env -> Stdlib", "nothing_here -> Unresolved"],
            model.References.Select(reference => reference.ToString()));
        Assert.Equal(["prometheus.remote_write.missing.receiver", "nothing_here"], model.UnresolvedReferences.Select(reference => reference.Text));
        Assert.True(model.References.Single(reference => reference.Text == "sys.env").IsCallee);
    }

    [Fact]
    public void A_reference_knows_its_file_scope_owner_and_call_wherever_it_is_written()
    {
        var model = BuildModel(
            """
            prometheus.remote_write "default" { }
            """,
            """
            top = sys.env("TOP")
            prometheus.scrape "app" {
            	targets    = [{ __address__ = sys.env("HOST") }]
            	forward_to = [prometheus.remote_write.default.receiver, prometheus.remote_write.default.receiver]
            }
            """);
        var scrape = model.Components.Single(component => component.Name == "prometheus.scrape");
        var references = model.References.ToArray();
        Assert.Equal(["sys.env", "prometheus.remote_write.default.receiver", "prometheus.remote_write.default.receiver", "sys.env"], references.Select(reference => reference.Text));
        Assert.All(references, reference => Assert.Equal("cfg/1.alloy", reference.Tree.Source.Path));

        var (inBlock, topLevel) = (references[0], references[^1]);
        Assert.Same(scrape, inBlock.Owner);
        Assert.Same(scrape.Scope, inBlock.Scope);
        Assert.Null(topLevel.Owner);
        Assert.Same(model.Root, topLevel.Scope);
        Assert.All([inBlock, topLevel], callee => Assert.Equal((ReferenceKind.Stdlib, true, null), (callee.Kind, callee.IsCallee, callee.Component)));
        Assert.Equal(["\"HOST\"", "\"TOP\""], new[] { inBlock, topLevel }.Select(callee => Assert.IsType<Parser.Tree.LiteralExpression>(Assert.Single(callee.Call!.Arguments)).RawText));

        // The second chain resolves as the first did, and neither is a callee.
        Assert.All(references[1..3], reference =>
        {
            Assert.Equal((ReferenceKind.Component, false, null, "receiver"), (reference.Kind, reference.IsCallee, reference.Call, reference.Export));
            Assert.Same(model.Components.Single(component => component.Name == "prometheus.remote_write"), reference.Component);
        });
    }

    [Fact]
    public void Resolves_across_the_files_of_one_configuration()
    {
        var model = BuildModel(
            """
            prometheus.remote_write "default" {
            	endpoint {
            		url = "http://mimir/api/v1/push"
            	}
            }
            """,
            """
            prometheus.scrape "app" {
            	targets    = [{ __address__ = "app:8080" }]
            	forward_to = [prometheus.remote_write.default.receiver]
            }
            """);
        var reference = Assert.Single(model.References, r => r.Kind == ReferenceKind.Component);
        Assert.Equal("cfg/0.alloy", reference.Component!.Tree.Source.Path);
        Assert.Equal("cfg/1.alloy", reference.Tree.Source.Path);
    }

    [Fact]
    public void A_duplicated_id_resolves_to_the_component_in_the_same_file_and_lists_every_declaration()
    {
        var model = BuildModel(
            """
            prometheus.remote_write "default" { }

            prometheus.remote_write "default" { }
            """,
            """
            prometheus.remote_write "default" { }

            prometheus.scrape "app" {
            	targets    = []
            	forward_to = [prometheus.remote_write.default.receiver]
            }
            """);
        var declared = model.Root.ComponentsWithId("prometheus.remote_write.default");
        Assert.Equal(["cfg/0.alloy", "cfg/0.alloy", "cfg/1.alloy"], declared.Select(component => component.Tree.Source.Path));
        var reference = Assert.Single(model.References, r => r.Kind == ReferenceKind.Component);
        Assert.Same(declared[2], reference.Component);
        Assert.Empty(model.Root.ComponentsWithId("prometheus.remote_write"));
        Assert.True(declared[0].HasId("prometheus.remote_write.default"));
        Assert.False(declared[0].HasId("prometheus.remote_write.defaults"));
        Assert.False(declared[0].HasId("prometheus.remote_write_default"));
        Assert.False(declared[0].HasId("prometheus.remote_write"));
    }

    [Fact]
    public void Ids_compare_and_hash_as_their_text_however_name_and_label_split_it()
    {
        var model = BuildModel("""
            a.b "c" { }
            a "b.c" { }
            a.b.c { }
            a.b "d" { }
            """);
        var blocks = model.AllBlocks;
        var comparer = BlockIdComparer<ModelBlock>.Instance;
        var lookup = (IAlternateEqualityComparer<ReadOnlySpan<char>, ModelBlock>)comparer;
        foreach (var block in blocks)
        {
            Assert.True(block.HasId("a.b.c") != (block.Label == "d"));
            Assert.Equal(lookup.GetHashCode(block.Id), comparer.GetHashCode(block));
        }

        Assert.True(comparer.Equals(blocks[0], blocks[1]));
        Assert.True(comparer.Equals(blocks[1], blocks[2]));
        Assert.False(comparer.Equals(blocks[0], blocks[3]));
        Assert.Equal(comparer.GetHashCode(blocks[0]), comparer.GetHashCode(blocks[2]));
    }

    [Fact]
    public void References_repeating_a_chain_resolve_by_their_own_scope_file_and_call()
    {
        var model = BuildModel(
            """
            prometheus.remote_write "default" { }

            prometheus.exporter.self "alloy" { }

            prometheus.scrape "a" {
            	targets    = prometheus.exporter.self.alloy.targets("x")
            	forward_to = [prometheus.remote_write.default.receiver]
            }

            prometheus.scrape "b" {
            	targets    = prometheus.exporter.self.alloy.targets
            	forward_to = [each]
            }

            foreach "pods" {
            	collection = []
            	var        = "each"

            	template {
            		prometheus.scrape "c" {
            			targets    = [each]
            			forward_to = [prometheus.remote_write.default.receiver]
            		}
            	}
            }
            """,
            """
            prometheus.remote_write "default" { }

            prometheus.scrape "d" {
            	targets    = prometheus.exporter.self.alloy.targets("y")
            	forward_to = [prometheus.remote_write.default.receiver]
            }
            """);
        Assert.Equal(
            [
                "prometheus.exporter.self.alloy.targets -> Unresolved",
                "prometheus.remote_write.default.receiver -> prometheus.remote_write \"default\" export receiver",
                "prometheus.exporter.self.alloy.targets -> prometheus.exporter.self \"alloy\" export targets",
                "each -> Unresolved",
                "each -> ForeachVariable",
                "prometheus.remote_write.default.receiver -> prometheus.remote_write \"default\" export receiver",
                "prometheus.exporter.self.alloy.targets -> Unresolved",
                "prometheus.remote_write.default.receiver -> prometheus.remote_write \"default\" export receiver",
            ],
            model.References.Where(reference => reference.Owner is not ConfigBlock).Select(reference => reference.ToString()));
        var receivers = model.References.Where(reference => reference.Text == "prometheus.remote_write.default.receiver").ToList();
        Assert.Equal(["cfg/0.alloy", "cfg/0.alloy", "cfg/1.alloy"], receivers.Select(reference => reference.Component!.Tree.Source.Path));
    }

    [Fact]
    public void Lists_each_blocks_references_and_the_references_naming_each_component_in_source_order()
    {
        var model = BuildModel("""
            discovery.kubernetes "pods" {
            	role = "pod"
            }

            prometheus.scrape "a" {
            	targets    = discovery.kubernetes.pods.targets
            	forward_to = [prometheus.remote_write.one.receiver, prometheus.remote_write.two.receiver]
            }

            prometheus.remote_write "one" { }

            prometheus.scrape "b" {
            	targets    = discovery.kubernetes.pods.targets
            	forward_to = [prometheus.remote_write.one.receiver]
            }

            prometheus.remote_write "two" { }
            """);
        Assert.Equal(Enumerable.Range(0, model.AllBlocks.Count), model.AllBlocks.Select(block => block.Index));
        var (pods, a, one, b, two) = (model.AllBlocks[0], model.AllBlocks[1], (ComponentInstance)model.AllBlocks[2], model.AllBlocks[3], (ComponentInstance)model.AllBlocks[4]);

        Assert.Empty(model.ReferencesIn(pods).ToArray());
        Assert.Equal(
            ["discovery.kubernetes.pods.targets", "prometheus.remote_write.one.receiver", "prometheus.remote_write.two.receiver"],
            model.ReferencesIn(a).ToArray().Select(reference => reference.Text));
        Assert.Equal(["discovery.kubernetes.pods.targets", "prometheus.remote_write.one.receiver"], model.ReferencesIn(b).ToArray().Select(reference => reference.Text));
        Assert.Equal([a, b], model.ReferencesTo((ComponentInstance)pods).ToArray().Select(reference => reference.Owner));
        Assert.Equal([a, b], model.ReferencesTo(one).ToArray().Select(reference => reference.Owner));
        Assert.Equal([a], model.ReferencesTo(two).ToArray().Select(reference => reference.Owner));
        Assert.Empty(model.ReferencesTo((ComponentInstance)a).ToArray());
    }

    [Fact]
    public void Declare_is_its_own_scope_with_arguments_and_exports()
    {
        var model = BuildModel("""
            prometheus.remote_write "outer" { }

            declare "self_collect" {
            	argument "metrics_output" {
            		optional = false
            	}

            	prometheus.exporter.self "inner" { }

            	prometheus.scrape "selfmonitor" {
            		targets    = prometheus.exporter.self.inner.targets
            		forward_to = [argument.metrics_output.value, prometheus.remote_write.outer.receiver]
            	}

            	export "out" {
            		value = prometheus.exporter.self.inner.targets
            	}
            }

            self_collect "example" {
            	metrics_output = prometheus.remote_write.outer.receiver
            }

            prometheus.scrape "uses_export" {
            	targets    = self_collect.example.out
            	forward_to = [prometheus.remote_write.outer.receiver]
            }
            """);
        Assert.Equal(["prometheus.remote_write \"outer\"", "self_collect \"example\"", "prometheus.scrape \"uses_export\""], model.Components.Select(c => c.DisplayName));
        var declare = Assert.Single(model.ConfigBlocksNamed("declare"));
        Assert.Equal(ScopeKind.Declare, declare.InnerScope!.Kind);
        Assert.Equal(["prometheus.exporter.self \"inner\"", "prometheus.scrape \"selfmonitor\""], declare.InnerScope.Components.Select(c => c.DisplayName));

        var inside = model.References.Where(reference => reference.Scope == declare.InnerScope).Select(reference => reference.ToString()).ToList();
        Assert.Equal(
            [
                "prometheus.exporter.self.inner.targets -> prometheus.exporter.self \"inner\" export targets",
                "argument.metrics_output.value -> Argument",
                "prometheus.remote_write.outer.receiver -> Unresolved",
                "prometheus.exporter.self.inner.targets -> prometheus.exporter.self \"inner\" export targets",
            ],
            inside);

        var instance = model.FindComponent("self_collect", "example")!;
        Assert.Same(declare, instance.Declaration);
        var export = Assert.Single(model.References, reference => reference.Text == "self_collect.example.out");
        Assert.Same(instance, export.Component);
        Assert.Equal("out", export.Export);
    }

    [Fact]
    public void Foreach_template_sees_its_variable_and_the_scope_around_it()
    {
        var model = BuildModel("""
            prometheus.remote_write "default" { }

            foreach "pods" {
            	collection = [{ address = "a:80" }]
            	var        = "each"

            	template {
            		prometheus.scrape "pod" {
            			targets    = [each]
            			forward_to = [prometheus.remote_write.default.receiver]
            		}
            	}
            }
            """);
        Assert.Equal(
            ["each -> ForeachVariable", "prometheus.remote_write.default.receiver -> prometheus.remote_write \"default\" export receiver"],
            model.References.Select(reference => reference.ToString()));
        var scrape = Assert.Single(model.AllBlocks, block => block.Name == "prometheus.scrape");
        Assert.Equal(ScopeKind.ForeachTemplate, scrape.Scope.Kind);
    }

    [Fact]
    public void Imported_components_know_their_import()
    {
        var model = BuildModel("""
            import.file "lib" {
            	filename = "lib.alloy"
            }

            lib.collector "default" { }
            """);
        var component = model.FindComponent("lib.collector", "default")!;
        Assert.Equal("import.file", component.Import!.Name);
        Assert.Null(component.Declaration);
    }

    [Fact]
    public void A_component_named_both_by_a_declare_and_an_import_namespace_knows_both()
    {
        var model = BuildModel("""
            import.file "lib" {
            	filename = "lib.alloy"
            }

            declare "lib.collector" { }

            lib.collector "default" { }

            prometheus.scrape "plain" {
            	targets    = []
            	forward_to = []
            }
            """);
        var component = model.FindComponent("lib.collector", "default")!;
        Assert.Equal(("declare", "lib.collector"), (component.Declaration!.Name, component.Declaration.Label));
        Assert.Equal(("import.file", "lib"), (component.Import!.Name, component.Import.Label));
        Assert.Null(AlloyLint.Rules.Catalog.ModelSchemas.SchemaOf(component));

        var plain = model.FindComponent("prometheus.scrape", "plain")!;
        Assert.Null(plain.Declaration);
        Assert.Null(plain.Import);
        Assert.NotNull(AlloyLint.Rules.Catalog.ModelSchemas.SchemaOf(plain));
    }

    [Fact]
    public void Duplicated_declares_and_import_namespaces_resolve_to_the_first_from_every_scope()
    {
        var model = BuildModel("""
            import.git "lib" {
            	repository = "https://example.com/lib.git"
            }

            import.file "lib" {
            	filename = "lib.alloy"
            }

            declare "box" { }

            declare "box" { }

            foreach "each" {
            	collection = [1]
            	var        = "item"

            	template {
            		lib.collector "inner" { }

            		box "inner" { }
            	}
            }

            lib.collector "outer" { }
            """);
        Assert.Equal(["import.git", "import.git"], model.AllBlocks.OfType<ComponentInstance>().Where(c => c.Name == "lib.collector").Select(c => c.Import!.Name));
        var firstBox = model.ConfigBlocksNamed("declare")[0];
        Assert.Same(firstBox, Assert.Single(model.AllBlocks.OfType<ComponentInstance>(), c => c.Name == "box").Declaration);
        Assert.Equal(["import.git", "import.file"], model.Root.ConfigBlocks.Where(b => b.Name.StartsWith("import.", StringComparison.Ordinal)).Select(b => b.Name));
        Assert.Empty(model.ConfigBlocksNamed("logging"));
    }

    [Fact]
    public void Reads_attributes_through_nested_blocks_and_defaults()
    {
        var model = BuildModel(SelfMonitoring);
        var loki = model.FindComponent("loki.write", "cloud")!;
        Assert.Equal("username", loki.Attribute("endpoint.basic_auth.username")!.Name.Name);
        Assert.Equal(new AlloyString("12345"), loki.EffectiveValue("endpoint.basic_auth.username"));
        Assert.Null(loki.EffectiveValue("endpoint.basic_auth.password"));
        Assert.Single(loki.NestedBlocks("endpoint"));

        var scrape = model.FindComponent("prometheus.scrape", "alloy")!;
        var interval = Assert.IsType<AlloyString>(scrape.EffectiveValue("scrape_interval"));
        Assert.Equal(GoDuration.FromSeconds(60), interval.AsDuration());
        Assert.Equal(new AlloyString("10s"), scrape.EffectiveValue("scrape_timeout"));

        var logging = Assert.Single(model.ConfigBlocksNamed("logging"));
        Assert.Equal(new AlloyString("info"), logging.EffectiveValue("level"));
        Assert.Equal(new AlloyString("json"), logging.EffectiveValue("format"));
    }

    [Fact]
    public void Recognises_environment_reads_and_calls()
    {
        var model = BuildModel(SelfMonitoring);
        var password = model.FindComponent("otelcol.auth.basic", "cloud")!.Attribute("client_auth.password")!.Value;
        Assert.Equal(
            [("OTLP_KEY", false), ("API_KEY", true)],
            Calls.EnvironmentReads(password).Select(read => (read.Name!, read.IsDeprecated)));
        Assert.Equal(["coalesce", "sys.env", "env"], Calls.In(password).Select(Calls.FunctionName));
        Assert.False(ConstantEvaluator.IsConstant(password));
    }
}
