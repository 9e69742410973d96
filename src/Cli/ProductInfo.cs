using System.Reflection;

namespace AlloyLint.Cli;

/// <summary>The tool's name, version and home, as reports and <c>--version</c> state them.</summary>
internal static class ProductInfo
{
    public const string Name = "alloylint";

    public const string InformationUri = "https://github.com/alloylint/alloylint";

    /// <summary>The semantic version (the informational version without build metadata).</summary>
    public static string Version { get; } =
        (typeof(ProductInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    public static string RuleHelpUri(string ruleId) => $"{InformationUri}/blob/main/rules-docs/{ruleId}.md";
}
