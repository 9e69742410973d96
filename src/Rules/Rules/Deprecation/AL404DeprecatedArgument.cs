using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Formatting;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Deprecation;

/// <summary>
/// AL404: an argument or block the catalog marks deprecated. For <c>otelcol.auth.basic</c>'s top-level
/// <c>username</c> / <c>password</c> a safe fix moves them into <c>client_auth</c>.
/// </summary>
public sealed class AL404DeprecatedArgument : Rule
{
    private const string BasicAuth = "otelcol.auth.basic";

    public override RuleMetadata Metadata { get; } = new(
        "AL404",
        "deprecated-argument",
        RuleCategory.Deprecation,
        Severity.Warning,
        "A deprecated argument or block; use its replacement",
        FixAvailability.Sometimes);

    public override void Check(LintContext context)
    {
        foreach (var argument in CatalogArguments.Where(context.Model, static attribute => attribute.Deprecated, static block => block.Deprecated))
        {
            var span = argument.Statement switch
            {
                AttributeStatement attribute => attribute.Name.Span,
                BlockStatement block => block.NameSpan,
                _ => argument.Statement.Span,
            };
            var (advice, fix) = IsTopLevelBasicAuthCredential(argument) ? BasicAuthMove(context, argument.Owner) : (Advice(argument), null);
            context.Report(argument.Tree, span, $"`{argument.Name}` in {argument.Location} is deprecated; {advice}", fix);
        }
    }

    private static bool IsTopLevelBasicAuthCredential(CatalogArgument argument) =>
        argument.OwnerSchema.Name == BasicAuth && argument.Blocks.IsEmpty && argument.Name is "username" or "password";

    private static string Advice(CatalogArgument argument)
    {
        if (argument is { OwnerSchema.Name: "prometheus.scrape", Name: "enable_protobuf_negotiation" })
        {
            return "list the protocols in `scrape_protocols` instead (`PrometheusProto` first to prefer protobuf)";
        }

        if (argument is { Name: "level", Blocks: [.., { Name: "debug_metrics" }] })
        {
            return "it has no effect; remove it";
        }

        var successors = argument.ParentSchema.Blocks
            .Where(block => !block.Deprecated && block.Body.FindAttribute(argument.Name) is { Deprecated: false })
            .Select(block => $"`{block.Name}`")
            .ToArray();
        return successors.Length switch
        {
            0 => $"see the reference page of `{argument.OwnerSchema.Name}` for its replacement",
            1 => $"set it inside a {successors[0]} block instead",
            _ => $"set it inside the {string.Join(", ", successors[..^1])} or {successors[^1]} blocks instead",
        };
    }

    /// <summary>The advice for a top-level <c>username</c> / <c>password</c> of <c>otelcol.auth.basic</c>, and the fix when it is safe.</summary>
    private static (string Advice, Fix? Fix) BasicAuthMove(LintContext context, ModelBlock owner)
    {
        var (tree, component) = (owner.Tree, owner.Block);
        if (component.Body.Blocks.Any(block => block.Name == "client_auth"))
        {
            return ("a `client_auth` block is present, so it is ignored for client authentication; remove it", null);
        }

        const string move = "move `username` and `password` into a `client_auth` block";
        if (IsUsedByReceiver(context, owner))
        {
            return (move + " (this handler also authenticates a receiver, which reads the top-level pair as an htpasswd entry: add an `htpasswd` block too)", null);
        }

        var credentials = component.Body.Attributes.Where(attribute => attribute.Name.Name is "username" or "password").ToList();
        var chunks = new List<TextSpan>();
        foreach (var attribute in credentials)
        {
            if (StatementLines.WholeLines(tree, attribute) is not { } chunk)
            {
                return (move, null);
            }

            chunks.Add(chunk);
        }

        var source = tree.Source;
        var snippet = "client_auth {\n" + string.Concat(chunks.Select(chunk => source[chunk])) + "}";
        var block = AlloyFormatter.FormatSnippet(snippet, StatementLines.Depth(tree, component) + 1, source.LineEnding) + source.LineEnding;
        var edits = new List<TextEdit> { TextEdit.Replace(chunks[0], block) };
        edits.AddRange(chunks.Skip(1).Select(chunk => TextEdit.Delete(StatementLines.Deletion(tree, chunk))));
        return (move, new Fix("Move `username` and `password` into `client_auth`", Applicability.Safe, [.. edits]));
    }

    /// <summary>True when an <c>otelcol.receiver.*</c> component references this component (its <c>handler</c>).</summary>
    private static bool IsUsedByReceiver(LintContext context, ModelBlock owner)
    {
        if (owner is ComponentInstance component)
        {
            foreach (var reference in context.Model.ReferencesTo(component))
            {
                if (reference.Owner?.Name.StartsWith("otelcol.receiver.", StringComparison.Ordinal) == true)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
