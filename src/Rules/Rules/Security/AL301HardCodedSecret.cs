using System.Text;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;
using AlloyLint.Rules.Deprecation;
using AlloyLint.Rules.SelfMonitoring;

namespace AlloyLint.Rules.Security;

/// <summary>
/// AL301: a literal written into an argument whose catalog type is <c>secret</c> (passwords, tokens, keys...).
/// The value itself never appears in a message or fix title.
/// </summary>
public sealed class AL301HardCodedSecret : Rule
{
    /// <summary>Secret-typed arguments holding connection strings: only a password inside them is a finding.</summary>
    private static readonly HashSet<string> ConnectionStringArguments =
        new(["data_source_name", "data_source_names", "connection_string", "mongodb_uri"], StringComparer.Ordinal);

    /// <summary>Secret-typed arguments that hold whole configuration documents rather than credentials.</summary>
    private static readonly HashSet<string> DocumentArguments = new(["global_config"], StringComparer.Ordinal);

    /// <summary>Words that mark a map key (an HTTP header name) as carrying credentials.</summary>
    private static readonly string[] CredentialKeyWords = ["authorization", "cookie", "token", "key", "secret", "password", "auth"];

    public override RuleMetadata Metadata { get; } = new(
        "AL301",
        "hard-coded-secret",
        RuleCategory.Security,
        Severity.Error,
        "A literal credential in an argument of secret type",
        FixAvailability.Sometimes);

    public override void Check(LintContext context)
    {
        // Whether the fix's `sys.env` would resolve: worked out only when a fix is offered.
        var sysResolves = new Lazy<bool>(() => !DeprecatedStdlibReferences.DefinedNames(context.Model).Contains("sys"));
        var lokiWriteCredentialsRule = context.Runs("AL208");
        // Only the arguments whose value could be reported are materialised: a large file reads most secrets from the environment.
        foreach (var argument in CatalogArguments.Where(context.Model, static attribute => attribute.IsSecret, static _ => false, MayHoldHardCodedSecret))
        {
            if (argument is not { Statement: AttributeStatement attribute, Attribute: { Type: var type } }
                || (lokiWriteCredentialsRule && AL208LokiWriteLiteralCredentials.Covers(argument)))
            {
                continue;
            }

            CheckValue(context, argument.Tree, argument, attribute, attribute.Value, type, sysResolves);
        }
    }

    private void CheckValue(LintContext context, SyntaxTree tree, CatalogArgument argument, AttributeStatement attribute, Expression value, AlloyType type, Lazy<bool> sysResolves)
    {
        switch (type.Kind)
        {
            case AlloyTypeKind.Secret when HardCodedText(value) is { } text:
                ReportHardCoded(context, tree, argument, attribute, value, text, sysResolves);
                break;
            case AlloyTypeKind.List when Unparenthesized(value) is ArrayExpression array:
                foreach (var element in array.Elements)
                {
                    CheckValue(context, tree, argument, attribute, element, type.Element!, sysResolves);
                }

                break;
            case AlloyTypeKind.Map when Unparenthesized(value) is ObjectExpression map:
                foreach (var field in map.Fields.Where(field => NamesCredential(field.Key)))
                {
                    if (ContainsHardCoded(field.Value, type.Element!))
                    {
                        context.Report(
                            tree,
                            field.Span,
                            $"hard-coded secret in `{field.Key}` of `{attribute.Name.Name}` in {argument.Location}; read it from the environment (`sys.env`) or a secret store",
                            null);
                    }
                }

                break;
        }
    }

    private void ReportHardCoded(LintContext context, SyntaxTree tree, CatalogArgument argument, AttributeStatement attribute, Expression value, string text, Lazy<bool> sysResolves)
    {
        var name = attribute.Name.Name;
        if (ConnectionStringArguments.Contains(name))
        {
            if (EmbedsPassword(text))
            {
                context.Report(
                    tree,
                    value.Span,
                    $"the connection string in `{name}` of {argument.Location} embeds a password; read it from the environment (`sys.env`) or a secret store",
                    null);
            }

            return;
        }

        var variable = EnvironmentVariableName(argument.Owner.Block, name);
        var fix = ReferenceEquals(attribute.Value, value) && sysResolves.Value
            ? Fix.Unsafe($"Read `{name}` from the environment variable {variable}", TextEdit.Replace(value.Span, $"sys.env(\"{variable}\")"))
            : null;
        context.Report(
            tree,
            value.Span,
            $"hard-coded secret in `{name}` of {argument.Location}; read it from the environment (`sys.env`), a `*_file` argument or a secret store",
            fix);
    }

    /// <summary><c>COMPONENT_LABEL_ARGUMENT</c>, upper-cased, every character other than a letter or digit made <c>_</c>.</summary>
    internal static string EnvironmentVariableName(BlockStatement owner, string argument)
    {
        var text = new StringBuilder();
        foreach (var part in (string?[])[owner.Name, owner.Label?.Value, argument])
        {
            if (string.IsNullOrEmpty(part))
            {
                continue;
            }

            foreach (var character in part)
            {
                var upper = char.IsAsciiLetterOrDigit(character) ? char.ToUpperInvariant(character) : '_';
                if (upper != '_' || (text.Length > 0 && text[^1] != '_'))
                {
                    text.Append(upper);
                }
            }

            if (text.Length > 0 && text[^1] != '_')
            {
                text.Append('_');
            }
        }

        return text.ToString().TrimEnd('_');
    }

    /// <summary>True when a connection string carries a password: <c>user:password@host</c> or <c>password=...</c>.</summary>
    internal static bool EmbedsPassword(string connectionString)
    {
        if (connectionString.Contains("password=", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("pwd=", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var schemeEnd = connectionString.IndexOf("://", StringComparison.Ordinal);
        var authorityStart = schemeEnd >= 0 ? schemeEnd + 3 : 0;
        var at = connectionString.IndexOf('@', authorityStart);
        if (at < 0)
        {
            return false;
        }

        var userInfo = connectionString.AsSpan(authorityStart, at - authorityStart);
        var colon = userInfo.IndexOf(':');
        return colon >= 0 && colon < userInfo.Length - 1 && userInfo.IndexOfAny('/', '(') < 0;
    }

    private static bool NamesCredential(string key)
    {
        foreach (var word in CredentialKeyWords)
        {
            if (key.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <see cref="CheckValue"/> could report on the statement, whatever its type: a value written in the file, a list or a map.</summary>
    private static bool MayHoldHardCodedSecret(Statement statement) =>
        statement is AttributeStatement attribute
        && !DocumentArguments.Contains(attribute.Name.Name)
        && (HardCodedText(attribute.Value) is not null || Unparenthesized(attribute.Value) is ArrayExpression or ObjectExpression);

    private static bool ContainsHardCoded(Expression value, AlloyType type) => type.Kind switch
    {
        AlloyTypeKind.Secret => HardCodedText(value) is not null,
        AlloyTypeKind.List when Unparenthesized(value) is ArrayExpression array => array.Elements.Any(element => ContainsHardCoded(element, type.Element!)),
        AlloyTypeKind.Map when Unparenthesized(value) is ObjectExpression map => map.Fields.Any(field => ContainsHardCoded(field.Value, type.Element!)),
        _ => false,
    };

    /// <summary>The value of a non-empty string written in the file (literals and operators only, nothing read at run time), or null.</summary>
    private static string? HardCodedText(Expression value) =>
        ConstantEvaluator.EvaluateString(value) is { Length: > 0 } text ? text : null;

    private static Expression Unparenthesized(Expression value) => value is ParenExpression paren ? Unparenthesized(paren.Inner) : value;
}
