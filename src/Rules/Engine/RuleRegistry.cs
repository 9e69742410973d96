using AlloyLint.Rules.Correctness;
using AlloyLint.Rules.Deprecation;
using AlloyLint.Rules.Security;
using AlloyLint.Rules.SelfMonitoring;
using AlloyLint.Rules.Style;
using AlloyLint.Rules.Suppression;
using AlloyLint.Rules.Syntax;

namespace AlloyLint.Rules.Engine;

/// <summary>Every rule, listed by hand (no reflection scanning, so Native AOT keeps working). Add one line per rule, in ID order.</summary>
public static class RuleRegistry
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new AL001SyntaxError(),
        new AL101UndefinedReference(),
        new AL102DuplicateComponent(),
        new AL103UnknownComponent(),
        new AL104UnknownArgumentOrBlock(),
        new AL105MissingRequired(),
        new AL106TypeMismatch(),
        new AL107SignalMismatch(),
        new AL108ReferenceCycle(),
        new AL109UnusedComponent(),
        new AL110DuplicateAttribute(),
        new AL111UnknownExport(),
        new AL112BlockOnce(),
        new AL113Stability(),
        new AL114UnknownFunction(),
        new AL115BlockLabel(),
        new AL116MisplacedBlock(),
        new AL117ShadowedStdlib(),
        new AL201SelfExporterMissing(),
        new AL202SelfMetricsNotScraped(),
        new AL203SelfScrapeInterval(),
        new AL204SelfMetricsNotOtlp(),
        new AL205LoggingFormat(),
        new AL206LoggingLevel(),
        new AL207LoggingNotExported(),
        new AL208LokiWriteLiteralCredentials(),
        new AL209TracingSamplingFraction(),
        new AL210TracingNotExported(),
        new AL211SelfJobLabel(),
        new AL212SelfLogsUnlabeled(),
        new AL213EnvNotProvided(),
        new AL301HardCodedSecret(),
        new AL302TlsVerificationDisabled(),
        new AL303CredentialsOverHttp(),
        new AL401DeprecatedEnv(),
        new AL402UnformattedFile(),
        new AL403DeprecatedStdlib(),
        new AL404DeprecatedArgument(),
        new AL901UnusedSuppression(),
    ];

    /// <summary>The rule with this ID ("AL203", any case) or name ("self-scrape-interval"), or null.</summary>
    public static Rule? Find(string idOrName) => Find(idOrName, All);

    public static Rule? Find(string idOrName, IReadOnlyList<Rule> rules) =>
        rules.FirstOrDefault(rule => rule.Metadata.Id.Equals(idOrName, StringComparison.OrdinalIgnoreCase)
            || rule.Metadata.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase));
}
