using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Security;

/// <summary>
/// AL303: credentials (basic auth, an authorization header, OAuth2 or bearer token, or an <c>otelcol.auth.basic</c> /
/// <c>otelcol.auth.bearer</c> handler) sent to a literal <c>http://</c> URL on a non-loopback host.
/// </summary>
public sealed class AL303CredentialsOverHttp : Rule
{
    private static readonly string[] CredentialBlocks = ["basic_auth", "authorization", "oauth2"];

    private static readonly string[] CredentialAttributes = ["bearer_token", "bearer_token_file"];

    private static readonly string[] CredentialHandlers = ["otelcol.auth.basic", "otelcol.auth.bearer"];

    private static readonly string[] OtlpSignalEndpoints = ["metrics_endpoint", "logs_endpoint", "traces_endpoint"];

    public override RuleMetadata Metadata { get; } = new(
        "AL303",
        "credentials-over-http",
        RuleCategory.Security,
        Severity.Warning,
        "Credentials sent to an `http://` URL travel in clear text");

    public override void Check(LintContext context)
    {
        var path = new List<BlockStatement>();
        foreach (var owner in CatalogArguments.Owners(context.Model))
        {
            VisitClientBlocks(context, owner, owner.Block.Body, path);
            if (owner.Name == "otelcol.exporter.otlphttp")
            {
                CheckOtlpHttpExporter(context, owner);
            }
        }
    }

    /// <summary>
    /// Prometheus-style clients: a <c>url</c> next to credentials, in the same block or its <c>client</c> block;
    /// <paramref name="path"/> holds the nested blocks from the owner to <paramref name="body"/>.
    /// </summary>
    private static void VisitClientBlocks(LintContext context, ModelBlock owner, Body body, List<BlockStatement> path)
    {
        if (Attribute(body, "url") is { } url && ClientCredentials(body) is { } credentials)
        {
            ReportIfPlainHttp(context, owner, url, credentials, path);
        }

        foreach (var statement in body.Statements)
        {
            if (statement is BlockStatement block)
            {
                path.Add(block);
                VisitClientBlocks(context, owner, block.Body, path);
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    private static void CheckOtlpHttpExporter(LintContext context, ModelBlock exporter)
    {
        var body = exporter.Block.Body;
        if (Block(body, "client") is not { } client
            || Attribute(client.Body, "auth") is not { } auth
            || CredentialHandlers.FirstOrDefault(handler => Traversal.DottedName(auth.Value)?.StartsWith(handler + ".", StringComparison.Ordinal) == true) is not { } handler)
        {
            return;
        }

        var credentials = $"`{handler}`";
        if (Attribute(client.Body, "endpoint") is { } endpoint)
        {
            ReportIfPlainHttp(context, exporter, endpoint, credentials, [client]);
        }

        foreach (var name in OtlpSignalEndpoints)
        {
            if (Attribute(body, name) is { } signalEndpoint)
            {
                ReportIfPlainHttp(context, exporter, signalEndpoint, credentials, []);
            }
        }
    }

    private static void ReportIfPlainHttp(LintContext context, ModelBlock owner, AttributeStatement url, string credentials, IEnumerable<BlockStatement> path)
    {
        if (ConstantEvaluator.EvaluateString(url.Value) is { } text && IsPlainHttpToRemoteHost(text))
        {
            context.Report(
                owner.Tree,
                url.Value.Span,
                $"{credentials} credentials are sent in clear text: `{url.Name.Name}` of {CatalogArguments.Describe(owner, path)} is an `http://` URL; use `https://`",
                null);
        }
    }

    /// <summary>True for an <c>http://</c> URL whose host is not loopback (<c>localhost</c>, 127.0.0.0/8, <c>::1</c>).</summary>
    internal static bool IsPlainHttpToRemoteHost(string url)
    {
        const string scheme = "http://";
        if (!url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var authority = url.AsSpan(scheme.Length);
        var authorityEnd = authority.IndexOfAny('/', '?', '#');
        if (authorityEnd >= 0)
        {
            authority = authority[..authorityEnd];
        }

        var at = authority.LastIndexOf('@');
        var host = authority[(at + 1)..];
        if (host.StartsWith("["))
        {
            var close = host.IndexOf(']');
            host = close > 0 ? host[1..close] : host[1..];
        }
        else if (host.IndexOf(':') is var colon and >= 0)
        {
            host = host[..colon];
        }

        var loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || host.StartsWith("127.")
            || host is "::1";
        return !loopback && !host.IsEmpty;
    }

    /// <summary>What sends credentials from this body, as messages name it, or null.</summary>
    private static string? CredentialsIn(Body body)
    {
        foreach (var statement in body.Statements)
        {
            switch (statement)
            {
                case BlockStatement block when CredentialBlocks.Contains(block.Name):
                    return $"`{block.Name}`";
                case AttributeStatement attribute when CredentialAttributes.Contains(attribute.Name.Name):
                    return $"`{attribute.Name.Name}`";
            }
        }

        return null;
    }

    private static string? ClientCredentials(Body body) =>
        CredentialsIn(body) ?? (Block(body, "client") is { } client ? CredentialsIn(client.Body) : null);

    private static AttributeStatement? Attribute(Body body, string name) => BodyLookup.FindAttribute(body, name);

    private static BlockStatement? Block(Body body, string name) => BodyLookup.FindBlocks(body, name).FirstOrDefault();
}
