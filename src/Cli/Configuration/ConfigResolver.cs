namespace AlloyLint.Cli.Configuration;

/// <summary>
/// Finds the configuration of each file: <c>--config FILE</c> when given, else the nearest <c>.alloylint.yaml</c>
/// in the file's folder or above it. Each folder is looked up and each file loaded once.
/// </summary>
internal sealed class ConfigResolver(ConfigLoader loader, string? explicitConfigPath, string workingDirectory)
{
    private readonly Dictionary<string, ConfigFile> _byDirectory = new(StringComparer.Ordinal);
    private ConfigFile? _explicit;

    /// <summary>The configuration that applies to files in <paramref name="directory"/> (a full path).</summary>
    public ConfigFile ForDirectory(string directory)
    {
        if (explicitConfigPath is not null)
        {
            return _explicit ??= loader.Load(Path.GetFullPath(explicitConfigPath, workingDirectory), explicitConfigPath);
        }

        if (_byDirectory.TryGetValue(directory, out var config))
        {
            return config;
        }

        var candidate = Path.Combine(directory, ConfigFile.FileName);
        if (File.Exists(candidate))
        {
            var relative = Path.GetRelativePath(workingDirectory, candidate).Replace('\\', '/');
            config = loader.Load(candidate, relative.StartsWith("../", StringComparison.Ordinal) ? candidate : relative);
        }
        else
        {
            config = Directory.GetParent(directory) is { } parent ? ForDirectory(parent.FullName) : ConfigFile.Empty(directory);
        }

        _byDirectory[directory] = config;
        return config;
    }

    public ConfigFile ForFile(string fullPath) => ForDirectory(Path.GetDirectoryName(fullPath) ?? workingDirectory);
}
