using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.SelfMonitoring;

/// <summary>
/// Reports a <c>loki.write</c> endpoint URL or credential written as a constant; the unsafe fix reads it from the
/// environment. Messages name the attribute, never its value.
/// </summary>
public sealed class AL208LokiWriteLiteralCredentials : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL208",
        "loki-write-literal-credentials",
        RuleCategory.SelfMonitoring,
        Severity.Warning,
        "A loki.write endpoint url, basic_auth username or password, or bearer_token is a literal rather than read from the environment.",
        FixAvailability.Always)
    {
        Options =
        [
            RuleOption.String("endpoint_env", LokiEnvironment.EndpointDefault, "Environment variable for the endpoint url."),
            RuleOption.String("username_env", LokiEnvironment.UsernameDefault, "Environment variable for basic_auth username."),
            RuleOption.String("password_env", LokiEnvironment.PasswordDefault, "Environment variable for basic_auth password and bearer_token."),
        ],
    };

    public override void Check(LintContext context)
    {
        var endpointVariable = context.Options.GetString("endpoint_env");
        var usernameVariable = context.Options.GetString("username_env");
        var passwordVariable = context.Options.GetString("password_env");
        foreach (var writer in context.Model.AllBlocks)
        {
            if (writer.Name != "loki.write")
            {
                continue;
            }

            foreach (var endpoint in writer.NestedBlocks("endpoint"))
            {
                Check(context, writer, endpoint.Body, "url", "endpoint url", endpointVariable);
                Check(context, writer, endpoint.Body, "bearer_token", "endpoint bearer_token", passwordVariable);
                foreach (var basicAuth in BodyLookup.FindBlocks(endpoint.Body, "basic_auth"))
                {
                    Check(context, writer, basicAuth.Body, "username", "basic_auth username", usernameVariable);
                    Check(context, writer, basicAuth.Body, "password", "basic_auth password", passwordVariable);
                }
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="argument"/> is one of the <c>loki.write</c> endpoint arguments this rule judges; the
    /// general AL301 leaves them to it when it runs, so a literal password is reported once.
    /// </summary>
    internal static bool Covers(CatalogArgument argument) =>
        argument is { Owner.Name: "loki.write", Statement: AttributeStatement { Name.Name: var name } }
        && argument.Blocks switch
        {
            [{ Name: "endpoint" }] => name is "url" or "bearer_token",
            [{ Name: "endpoint" }, { Name: "basic_auth" }] => name is "username" or "password",
            _ => false,
        };

    private static void Check(LintContext context, ModelBlock writer, Body body, string name, string what, string variable)
    {
        if (BodyLookup.FindAttribute(body, name) is not { } attribute || ConstantEvaluator.Evaluate(attribute.Value) is null or AlloyNull)
        {
            return;
        }

        var read = AlloyCode.EnvironmentRead(variable);
        context.Report(
            writer.Tree,
            attribute.Value,
            $"{writer.DisplayName} {what} is written in the configuration; expected a value from the environment such as {read}",
            Fix.Unsafe($"Read {what} from {read}", TextEdit.Replace(attribute.Value.Span, read)));
    }
}
