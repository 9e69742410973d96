using AlloyLint.Cli.Discovery;
using AlloyLint.Parser.Diagnostics;

namespace AlloyLint.Cli.Configuration;

/// <summary>A rule option value as written: a scalar, or a list of scalars, with its position for errors.</summary>
internal sealed record ConfigOptionValue(string Name, YamlNode Node);

/// <summary>One rule's settings: a severity override (null keeps the default), off, and option values.</summary>
internal sealed record RuleConfig(string RuleId, Severity? Severity, bool Off, IReadOnlyList<ConfigOptionValue> Options);

/// <summary>Rules not reported in the files a glob matches (<c>per-file-ignores</c>).</summary>
internal sealed record PerFileIgnore(GitIgnore Glob, IReadOnlyList<string> Selectors);

/// <summary>
/// A loaded <c>.alloylint.yaml</c>. <see cref="Directory"/> is where its exclude and per-file-ignores globs are rooted. An empty
/// <see cref="ConfigFile"/> (no path) stands for "no configuration file found".
/// </summary>
internal sealed record ConfigFile(
    string? Path,
    string Directory,
    IReadOnlyList<string>? Select,
    IReadOnlyList<string> Ignore,
    IReadOnlyList<RuleConfig> Rules,
    GitIgnore? Exclude,
    string? Mode,
    IReadOnlyList<PerFileIgnore> PerFileIgnores)
{
    public const string FileName = ".alloylint.yaml";

    public static ConfigFile Empty(string directory) => new(null, directory, null, [], [], null, null, []);

    /// <summary>Whether <paramref name="fullPath"/>, below <see cref="Directory"/>, is excluded (with .gitignore semantics).</summary>
    public bool Excludes(string fullPath, bool isDirectory) =>
        Exclude is not null && RelativePath(fullPath) is { } relative && Exclude.Match(relative, isDirectory) == true;

    /// <summary>The selectors of the <see cref="PerFileIgnores"/> whose glob matches <paramref name="fullPath"/>.</summary>
    public IReadOnlyList<string> IgnoredIn(string fullPath) =>
        RelativePath(fullPath) is { } relative
            ? [.. PerFileIgnores.Where(ignore => ignore.Glob.Match(relative, isDirectory: false) == true).SelectMany(ignore => ignore.Selectors)]
            : [];

    /// <summary>The path relative to <see cref="Directory"/> with '/', or null when it is not below it.</summary>
    private string? RelativePath(string fullPath)
    {
        var relative = System.IO.Path.GetRelativePath(Directory, fullPath).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) ? null : relative;
    }
}
