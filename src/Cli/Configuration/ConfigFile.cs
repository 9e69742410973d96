using AlloyLint.Cli.Discovery;
using AlloyLint.Parser.Diagnostics;

namespace AlloyLint.Cli.Configuration;

/// <summary>A rule option value as written: a scalar, or a list of scalars, with its position for errors.</summary>
internal sealed record ConfigOptionValue(string Name, YamlNode Node);

/// <summary>One rule's settings: a severity override (null keeps the default), off, and option values.</summary>
internal sealed record RuleConfig(string RuleId, Severity? Severity, bool Off, IReadOnlyList<ConfigOptionValue> Options);

/// <summary>Globs with .gitignore semantics, relative to <see cref="Directory"/>: the folder of the configuration file they are written in.</summary>
internal sealed record RootedGlobs(string Directory, GitIgnore Globs)
{
    /// <summary>Whether the globs ignore <paramref name="fullPath"/> (true), re-include it (false) or do not mention it (null).</summary>
    public bool? Match(string fullPath, bool isDirectory)
    {
        var relative = Path.GetRelativePath(Directory, fullPath).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) ? null : Globs.Match(relative, isDirectory);
    }
}

/// <summary>Rules not reported in the files a glob matches (<c>per-file-ignores</c>).</summary>
internal sealed record PerFileIgnore(RootedGlobs Glob, IReadOnlyList<string> Selectors);

/// <summary>
/// A loaded <c>.alloylint.yaml</c>, merged with the file it extends, if any. <see cref="Directory"/> is its folder. An
/// empty <see cref="ConfigFile"/> (no path) stands for "no configuration file found".
/// </summary>
internal sealed record ConfigFile(
    string? Path,
    string Directory,
    IReadOnlyList<string>? Select,
    IReadOnlyList<string>? Ignore,
    IReadOnlyList<RuleConfig> Rules,
    IReadOnlyList<RootedGlobs> Exclude,
    string? Mode,
    IReadOnlyList<PerFileIgnore> PerFileIgnores)
{
    public const string FileName = ".alloylint.yaml";

    public static ConfigFile Empty(string directory) => new(null, directory, null, null, [], [], null, []);

    /// <summary>Whether <paramref name="fullPath"/> is excluded: the last exclude glob that matches it decides, as in a .gitignore file.</summary>
    public bool Excludes(string fullPath, bool isDirectory) =>
        Exclude.Select(globs => globs.Match(fullPath, isDirectory)).LastOrDefault(match => match is not null) == true;

    /// <summary>The selectors of the <see cref="PerFileIgnores"/> whose glob matches <paramref name="fullPath"/>.</summary>
    public IReadOnlyList<string> IgnoredIn(string fullPath) =>
        [.. PerFileIgnores.Where(ignore => ignore.Glob.Match(fullPath, isDirectory: false) == true).SelectMany(ignore => ignore.Selectors)];

    /// <summary>
    /// This file over the one it extends (<paramref name="extended"/>): <c>select</c>, <c>ignore</c> and <c>mode</c> when
    /// set here replace the extended file's; <c>rules</c> replace the extended file's settings rule by rule; <c>exclude</c>
    /// and <c>per-file-ignores</c> come after the extended file's.
    /// </summary>
    public ConfigFile Over(ConfigFile extended) => this with
    {
        Select = Select ?? extended.Select,
        Ignore = Ignore ?? extended.Ignore,
        Mode = Mode ?? extended.Mode,
        Rules = [.. extended.Rules.Where(rule => Rules.All(own => own.RuleId != rule.RuleId)), .. Rules],
        Exclude = [.. extended.Exclude, .. Exclude],
        PerFileIgnores = [.. extended.PerFileIgnores, .. PerFileIgnores],
    };
}
