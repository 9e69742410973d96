using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Catalog;
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

    public override void Check(LintContext context) =>
        CatalogArguments.VisitOwnerBodies(context.Model, body => VisitChecked(context, body), (owner, body, path) => Visit(context, owner, body, path));

    /// <summary>Checks the TLS blocks of a checked body, known by their schemas' names (an unknown block by its own).</summary>
    private static void VisitChecked(LintContext context, CheckedBody body)
    {
        foreach (var statement in body.Statements)
        {
            if (statement.Block is { Name: "tls_config" or "tls" } || (!statement.IsKnown && statement.Syntax is BlockStatement { Name: "tls_config" or "tls" }))
            {
                var block = (BlockStatement)statement.Syntax;
                CheckTls(context, body.Owner, block, [.. CatalogArguments.PathTo(body), block]);
            }
        }
    }

    /// <summary>Checks the blocks in <paramref name="body"/> and below; <paramref name="path"/> holds the nested blocks from the owner to the body.</summary>
    private static void Visit(LintContext context, ModelBlock owner, Body body, List<BlockStatement> path)
    {
        foreach (var statement in body.Statements)
        {
            if (statement is not BlockStatement block)
            {
                continue;
            }

            path.Add(block);
            if (block.Name is "tls_config" or "tls")
            {
                CheckTls(context, owner, block, path);
            }

            Visit(context, owner, block.Body, path);
            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>Reports <c>insecure_skip_verify = true</c> in a TLS block; <paramref name="path"/> holds the nested blocks from the owner to it.</summary>
    private static void CheckTls(LintContext context, ModelBlock owner, BlockStatement tls, List<BlockStatement> path)
    {
        foreach (var inner in tls.Body.Statements)
        {
            if (inner is AttributeStatement { Name.Name: "insecure_skip_verify" } attribute && ConstantEvaluator.Evaluate(attribute.Value) is AlloyBool { Value: true })
            {
                context.Report(
                    owner.Tree,
                    attribute.Span,
                    $"`insecure_skip_verify = true` in {CatalogArguments.Describe(owner, path)} disables certificate verification; trust the server's CA with `ca_file` or `ca_pem` instead",
                    null);
            }
        }
    }
}
