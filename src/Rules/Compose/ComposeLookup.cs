using AlloyLint.Rules.Engine;

namespace AlloyLint.Rules.Compose;

/// <summary>
/// A service running <c>grafana/alloy</c> as the compose files of one folder define it together (a base file and its
/// overrides), with the environment variable names they provide to it, or null when those cannot be known.
/// </summary>
/// <param name="DisplayPath">The compose file defining the service's image, relative to the configuration's folder.</param>
public sealed record AlloyService(string DisplayPath, string Name, IReadOnlySet<string>? ProvidedNames);

/// <summary>Finds docker compose files beside a configuration and the Alloy services they define, reading through <see cref="IWorkspace"/>.</summary>
public static class ComposeLookup
{
    private static readonly string[] FixedNames = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];

    /// <summary>
    /// The Alloy services of the compose files in <paramref name="configDirectory"/>, or, when it has none, in the folder
    /// above it (a config kept in <c>grafana-alloy/</c> next to the stack's compose files).
    /// </summary>
    public static IReadOnlyList<AlloyService> AlloyServicesBeside(IWorkspace workspace, string configDirectory)
    {
        var directory = Path.GetFullPath(configDirectory.Length == 0 ? "." : configDirectory);
        var files = ComposeFilesIn(workspace, directory);
        var prefix = string.Empty;
        if (files.Count == 0 && Path.GetDirectoryName(directory) is { } parent)
        {
            files = ComposeFilesIn(workspace, parent);
            directory = parent;
            prefix = "../";
        }

        var definitions = files
            .SelectMany(file => ComposeFile.ReadServices(file.Text).Select(service => (File: file.Name, Service: service)))
            .GroupBy(definition => definition.Service.Name, StringComparer.Ordinal);
        var services = new List<AlloyService>();
        foreach (var group in definitions)
        {
            var image = group.FirstOrDefault(definition => definition.Service.RunsAlloy);
            if (image.Service is null)
            {
                continue;
            }

            services.Add(new AlloyService(prefix + image.File, group.Key, ProvidedNames(workspace, directory, group.Select(definition => definition.Service))));
        }

        return services;
    }

    private static HashSet<string>? ProvidedNames(IWorkspace workspace, string directory, IEnumerable<ComposeService> definitions)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in definitions)
        {
            if (!service.EnvironmentKnown)
            {
                return null;
            }

            names.UnionWith(service.EnvironmentNames);
            foreach (var envFile in service.EnvFiles)
            {
                if (workspace.ReadTextFile(Path.Combine(directory, envFile)) is not { } text)
                {
                    return null;
                }

                names.UnionWith(ComposeFile.ReadEnvFileNames(text));
            }
        }

        return names;
    }

    private static List<(string Name, string Text)> ComposeFilesIn(IWorkspace workspace, string directory)
    {
        var names = workspace.FilesInDirectory(directory)
            .Select(path => Path.GetFileName(path))
            .Where(IsOverrideName)
            .Concat(FixedNames)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var files = new List<(string Name, string Text)>();
        foreach (var name in names)
        {
            if (workspace.ReadTextFile(Path.Combine(directory, name)) is { } text)
            {
                files.Add((name, text));
            }
        }

        return files;
    }

    /// <summary><c>docker-compose.NAME.yml</c> or <c>.yaml</c>, e.g. docker-compose.base.yml, docker-compose.override.yml.</summary>
    private static bool IsOverrideName(string name) =>
        name.StartsWith("docker-compose.", StringComparison.Ordinal)
        && (name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal))
        && name.Count(c => c == '.') >= 2;
}
