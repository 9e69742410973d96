using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Security;

/// <summary>AL302: <c>insecure_skip_verify = true</c> in a <c>tls_config</c> or <c>tls</c> block turns off certificate checks.</summary>
public sealed class AL302TlsVerificationDisabled : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL302",
        "tls-verification-disabled",
        RuleCategory.Security,
        Severity.Warning,
        "`insecure_skip_verify = true` disables TLS certificate verification");

    public override void Check(LintContext context)
    {
        foreach (var owner in CatalogArguments.Owners(context.Model))
        {
            Visit(context, owner.Tree, owner.Block.Body, CatalogArguments.Describe(owner));
        }
    }

    private static void Visit(LintContext context, SyntaxTree tree, Body body, string location)
    {
        foreach (var block in body.Blocks)
        {
            var blockLocation = $"{location} › `{block.Name}`";
            if (block.Name is "tls_config" or "tls")
            {
                foreach (var attribute in block.Body.Attributes)
                {
                    if (attribute.Name.Name == "insecure_skip_verify" && ConstantEvaluator.Evaluate(attribute.Value) is AlloyBool { Value: true })
                    {
                        context.Report(
                            tree,
                            attribute.Span,
                            $"`insecure_skip_verify = true` in {blockLocation} disables certificate verification; trust the server's CA with `ca_file` or `ca_pem` instead",
                            null);
                    }
                }
            }

            Visit(context, tree, block.Body, blockLocation);
        }
    }
}
