using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Security;

/// <summary>
/// AL303: credentials (basic auth, an authorization header, OAuth2 or bearer token, or an <c>otelcol.auth.basic</c> /
/// <c>otelcol.auth.bearer</c> handler) sent without TLS: to a literal <c>http://</c> URL on a non-loopback host, by a
/// <c>prometheus.scrape</c> whose scheme is <c>http</c>, or by an <c>otelcol.exporter.otlp</c> with <c>tls { insecure = true }</c>.
/// </summary>
public sealed class AL303CredentialsOverHttp : Rule
{
    private static readonly string[] CredentialHandlers = ["otelcol.auth.basic", "otelcol.auth.bearer"];

    private static readonly string[] OtlpSignalEndpoints = ["metrics_endpoint", "logs_endpoint", "traces_endpoint"];

    public override RuleMetadata Metadata { get; } = new(
        "AL303",
        "credentials-over-http",
        RuleCategory.Security,
        Severity.Warning,
        "Credentials sent over plain HTTP, or over gRPC without TLS, travel in clear text");

    public override void Check(LintContext context)
    {
        CatalogArguments.VisitOwnerBodies(context.Model, body => VisitChecked(context, body), (owner, body, path) => VisitClientBlocks(context, owner, body, path));
        // Components of these names, at any depth (no declare or foreach block has them).
        foreach (var owner in context.Model.AllBlocks)
        {
            switch (owner.Name)
            {
                case "otelcol.exporter.otlphttp":
                    CheckOtlpHttpExporter(context, owner);
                    break;
                case "otelcol.exporter.otlp":
                    CheckOtlpGrpcExporter(context, owner);
                    break;
                case "prometheus.scrape":
                    CheckScrape(context, owner);
                    break;
            }
        }
    }

    /// <summary><c>prometheus.scrape</c> sends its credentials to every target over <c>scheme</c>, which defaults to <c>http</c>.</summary>
    private static void CheckScrape(LintContext context, ModelBlock owner)
    {
        var (tree, scrape) = (owner.Tree, owner.Block);
        if (CredentialsIn(scrape.Body) is not { } credentials)
        {
            return;
        }

        var location = CatalogArguments.Describe(owner);

        if (Attribute(scrape.Body, "scheme") is not { } scheme)
        {
            context.Report(
                tree,
                scrape.NameSpan,
                $"{credentials} credentials are sent in clear text: {location} scrapes its targets over `http`, the default `scheme`; set `scheme = \"https\"`",
                null);
        }
        else if (ConstantEvaluator.EvaluateString(scheme.Value) is { } value && value.Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            context.Report(
                tree,
                scheme.Value.Span,
                $"{credentials} credentials are sent in clear text: {location} scrapes its targets over `http`; set `scheme = \"https\"`",
                null);
        }
    }

    /// <summary>An OTLP gRPC exporter with an auth handler and <c>tls { insecure = true }</c> sends the credentials unencrypted.</summary>
    private static void CheckOtlpGrpcExporter(LintContext context, ModelBlock owner)
    {
        var exporter = owner.Block;
        if (Block(exporter.Body, "client") is not { } client
            || AuthHandler(client.Body) is not { } handler
            || Block(client.Body, "tls") is not { } tls
            || Attribute(tls.Body, "insecure") is not { } insecure
            || ConstantEvaluator.Evaluate(insecure.Value) is not AlloyBool { Value: true }
            || LocalEndpoint(client.Body))
        {
            return;
        }

        context.Report(
            owner.Tree,
            insecure.Value.Span,
            $"`{handler}` credentials are sent in clear text: {CatalogArguments.Describe(owner, [client, tls])} sets `insecure = true`; remove it to use TLS",
            null);
    }

    /// <summary>Prometheus-style clients in a checked body: its first <c>url</c> is known by its schema's name (an unknown one by its own).</summary>
    private static void VisitChecked(LintContext context, CheckedBody body)
    {
        foreach (var statement in body.Statements)
        {
            if (statement.Attribute is { Name: "url" } || (!statement.IsKnown && statement.Syntax is AttributeStatement { Name.Name: "url" }))
            {
                // The url first: most are not plain HTTP, and then the body's credentials and the blocks leading to it are not needed.
                var url = (AttributeStatement)statement.Syntax;
                if (IsPlainHttp(url) && ClientCredentials(body.Syntax) is { } credentials)
                {
                    ReportPlainHttp(context, body.Owner, url, credentials, CatalogArguments.PathTo(body));
                }

                return;
            }
        }
    }

    /// <summary>
    /// Prometheus-style clients: a <c>url</c> next to credentials, in the same block or its <c>client</c> block;
    /// <paramref name="path"/> holds the nested blocks from the owner to <paramref name="body"/>.
    /// </summary>
    private static void VisitClientBlocks(LintContext context, ModelBlock owner, Body body, List<BlockStatement> path)
    {
        // One pass over the body finds its first url and enters its blocks: every statement of a large file is read once.
        AttributeStatement? url = null;
        foreach (var statement in body.Statements)
        {
            if (statement is BlockStatement block)
            {
                path.Add(block);
                VisitClientBlocks(context, owner, block.Body, path);
                path.RemoveAt(path.Count - 1);
            }
            else if (url is null && statement is AttributeStatement { Name.Name: "url" } attribute)
            {
                url = attribute;
            }
        }

        if (url is not null && IsPlainHttp(url) && ClientCredentials(body) is { } credentials)
        {
            ReportPlainHttp(context, owner, url, credentials, path);
        }
    }

    private static void CheckOtlpHttpExporter(LintContext context, ModelBlock owner)
    {
        var exporter = owner.Block;
        if (Block(exporter.Body, "client") is not { } client || AuthHandler(client.Body) is not { } handler)
        {
            return;
        }

        var credentials = $"`{handler}`";
        if (Attribute(client.Body, "endpoint") is { } endpoint)
        {
            ReportIfPlainHttp(context, owner, endpoint, credentials, [client]);
        }

        foreach (var name in OtlpSignalEndpoints)
        {
            if (Attribute(exporter.Body, name) is { } signalEndpoint)
            {
                ReportIfPlainHttp(context, owner, signalEndpoint, credentials, []);
            }
        }
    }

    private static void ReportIfPlainHttp(LintContext context, ModelBlock owner, AttributeStatement url, string credentials, IEnumerable<BlockStatement> path)
    {
        if (IsPlainHttp(url))
        {
            ReportPlainHttp(context, owner, url, credentials, path);
        }
    }

    private static bool IsPlainHttp(AttributeStatement url) => ConstantEvaluator.EvaluateString(url.Value) is { } text && IsPlainHttpToRemoteHost(text);

    private static void ReportPlainHttp(LintContext context, ModelBlock owner, AttributeStatement url, string credentials, IEnumerable<BlockStatement> path) =>
        context.Report(
            owner.Tree,
            url.Value.Span,
            $"{credentials} credentials are sent in clear text: `{url.Name.Name}` of {CatalogArguments.Describe(owner, path)} is an `http://` URL; use `https://`",
            null);

    /// <summary>True for an <c>http://</c> URL whose host is not loopback (<c>localhost</c>, 127.0.0.0/8, <c>::1</c>).</summary>
    internal static bool IsPlainHttpToRemoteHost(string url)
    {
        const string scheme = "http://";
        return url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && !IsLoopback(Authority(url.AsSpan(scheme.Length)));
    }

    /// <summary>The <c>[user@]host[:port]</c> part at the start of a URL without its scheme.</summary>
    private static ReadOnlySpan<char> Authority(ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOfAny('/', '?', '#');
        return end >= 0 ? rest[..end] : rest;
    }

    /// <summary>
    /// True when the authority's host is loopback (<c>localhost</c>, 127.0.0.0/8, <c>::1</c>), or missing: that
    /// traffic does not leave the machine, or there is no host to judge.
    /// </summary>
    private static bool IsLoopback(ReadOnlySpan<char> authority)
    {
        var host = authority[(authority.LastIndexOf('@') + 1)..];
        if (host.StartsWith("["))
        {
            var close = host.IndexOf(']');
            host = close > 0 ? host[1..close] : host[1..];
        }
        else if (host.IndexOf(':') is var colon and >= 0)
        {
            host = host[..colon];
        }

        return host.IsEmpty
            || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || host.StartsWith("127.")
            || host is "::1";
    }

    /// <summary>Whether a gRPC <c>client</c>'s literal <c>endpoint</c> (<c>host:port</c>, optionally with a scheme) is on a loopback host.</summary>
    private static bool LocalEndpoint(Body client)
    {
        if (Attribute(client, "endpoint") is not { } endpoint || ConstantEvaluator.EvaluateString(endpoint.Value) is not { } address)
        {
            return false;
        }

        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        return IsLoopback(Authority(schemeEnd >= 0 ? address.AsSpan(schemeEnd + 3) : address));
    }

    /// <summary>The <c>otelcol.auth.basic</c> or <c>otelcol.auth.bearer</c> handler a <c>client</c> block's <c>auth</c> names, or null.</summary>
    private static string? AuthHandler(Body client) =>
        Attribute(client, "auth") is { } auth
            ? CredentialHandlers.FirstOrDefault(handler => Traversal.DottedName(auth.Value)?.StartsWith(handler + ".", StringComparison.Ordinal) == true)
            : null;

    /// <summary>What sends credentials from this body, as messages name it, or null.</summary>
    private static string? CredentialsIn(Body body)
    {
        foreach (var statement in body.Statements)
        {
            switch (statement)
            {
                // Patterns, not lists: this runs for each statement of every client body and scrape.
                case BlockStatement { Name: "basic_auth" or "authorization" or "oauth2" } block:
                    return $"`{block.Name}`";
                case AttributeStatement { Name.Name: "bearer_token" or "bearer_token_file" } attribute:
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
