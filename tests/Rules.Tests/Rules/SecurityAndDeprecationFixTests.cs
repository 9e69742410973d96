using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Security;
using Xunit;

namespace AlloyLint.Rules.Tests.Rules;

/// <summary>Fix behaviour that fixture files cannot show: line endings and the derived variable names.</summary>
public sealed class SecurityAndDeprecationFixTests
{
    [Fact]
    public void Moving_the_basic_auth_pair_keeps_crlf_line_endings()
    {
        const string input = "otelcol.auth.basic \"a\" {\r\n\t// who\r\n\tusername = \"u\"\r\n\tpassword = sys.env(\"P\")\r\n}\r\n";
        const string expected = "otelcol.auth.basic \"a\" {\r\n\tclient_auth {\r\n\t\t// who\r\n\t\tusername = \"u\"\r\n\t\tpassword = sys.env(\"P\")\r\n\t}\r\n}\r\n";

        Assert.Equal(expected, Fix("AL404", input));
    }

    [Fact]
    public void Replacing_env_keeps_crlf_line_endings_and_the_arguments()
    {
        const string input = "local.file \"a\" {\r\n\tfilename = env( \"HOME\" ) + \"/a\"\r\n}\r\n";
        const string expected = "local.file \"a\" {\r\n\tfilename = sys.env( \"HOME\" ) + \"/a\"\r\n}\r\n";

        Assert.Equal(expected, Fix("AL401", input));
    }

    [Theory]
    [InlineData("loki.write \"grafana-cloud\" {}", "password", "LOKI_WRITE_GRAFANA_CLOUD_PASSWORD")]
    [InlineData("remotecfg {}", "bearer_token", "REMOTECFG_BEARER_TOKEN")]
    [InlineData("otelcol.auth.bearer \"é--x\" {}", "token", "OTELCOL_AUTH_BEARER_X_TOKEN")]
    public void The_variable_name_joins_component_label_and_argument(string block, string argument, string expected)
    {
        var tree = AlloyParser.Parse(SourceText.From(block));
        var owner = Assert.Single(tree.Root.Blocks);

        Assert.Equal(expected, AL301HardCodedSecret.EnvironmentVariableName(owner, argument));
    }

    private static string Fix(string ruleId, string text)
    {
        var workspace = new InMemoryWorkspace().Add("config.alloy", text);
        var linter = new Linter(new LintSettings { Select = [ruleId] });
        var result = new FixApplier(linter).Apply(workspace.ReadAlloyFile("config.alloy")!, workspace, includeUnsafe: true);
        Assert.Empty(result.Remaining);
        return result.NewText;
    }
}
