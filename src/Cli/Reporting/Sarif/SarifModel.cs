using System.Text.Json.Serialization;

namespace AlloyLint.Cli.Reporting.Sarif;

// The parts of the SARIF 2.1.0 object model that AlloyLint writes through the serializer: the rules and the
// invocation. The log around them and the results are written by SarifReporter itself. Property names follow the
// specification; null members are left out.

internal sealed record SarifReportingDescriptor(
    string Id,
    string Name,
    SarifMessage ShortDescription,
    SarifMessage FullDescription,
    SarifMultiformatMessage Help,
    string HelpUri,
    SarifReportingConfiguration DefaultConfiguration,
    SarifRuleProperties Properties);

internal sealed record SarifMessage(string Text);

internal sealed record SarifMultiformatMessage(string Text, string? Markdown);

internal sealed record SarifReportingConfiguration(string Level);

internal sealed record SarifRuleProperties(
    IReadOnlyList<string> Tags,
    string Precision,
    [property: JsonPropertyName("problem.severity")] string ProblemSeverity,
    [property: JsonPropertyName("security-severity")] string? SecuritySeverity);

internal sealed record SarifInvocation(
    bool ExecutionSuccessful,
    SarifArtifactLocation WorkingDirectory,
    IReadOnlyList<SarifNotification>? ToolExecutionNotifications);

internal sealed record SarifNotification(string Level, SarifMessage Message, IReadOnlyList<SarifLocation>? Locations);

internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation);

internal sealed record SarifArtifactLocation(string Uri, string? UriBaseId = null);

[JsonSerializable(typeof(SarifReportingDescriptor))]
[JsonSerializable(typeof(SarifInvocation))]
internal sealed partial class SarifJsonContext : JsonSerializerContext
{
    public static SarifJsonContext Readable { get; } = new(JsonOutput.Options(JsonIgnoreCondition.WhenWritingNull));
}
