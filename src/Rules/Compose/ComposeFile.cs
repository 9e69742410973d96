using System.Collections.Immutable;

namespace AlloyLint.Rules.Compose;

/// <summary>
/// A service of a docker compose file, reduced to what decides which environment variables reach its
/// container: <c>image</c>, the names in <c>environment:</c> and the paths in <c>env_file:</c>.
/// </summary>
/// <param name="EnvironmentKnown">False when YAML aliases or merge keys (<c>&lt;&lt;: *x</c>, <c>extends:</c>) may add variables.</param>
public sealed record ComposeService(
    string Name,
    string? Image,
    int Line,
    ImmutableArray<string> EnvironmentNames,
    ImmutableArray<string> EnvFiles,
    bool EnvironmentKnown)
{
    /// <summary>True for <c>grafana/alloy</c> from any registry, with any tag or digest.</summary>
    public bool RunsAlloy
    {
        get
        {
            if (Image is null)
            {
                return false;
            }

            var repository = Image;
            var digest = repository.IndexOf('@');
            if (digest >= 0)
            {
                repository = repository[..digest];
            }

            var tag = repository.LastIndexOf(':');
            if (tag > repository.LastIndexOf('/'))
            {
                repository = repository[..tag];
            }

            return repository == "grafana/alloy" || repository.EndsWith("/grafana/alloy", StringComparison.Ordinal);
        }
    }
}

public static class ComposeFile
{
    /// <summary>The services of a compose file; empty when it has none or is not YAML this reader understands.</summary>
    public static ImmutableArray<ComposeService> ReadServices(string text)
    {
        if (YamlReader.Read(text) is not YamlMapping root || root["services"] is not YamlMapping services)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<ComposeService>();
        foreach (var (name, node) in services.Entries)
        {
            if (node is not YamlMapping service)
            {
                continue;
            }

            var known = !service.HasMergeKey && service["extends"] is null;
            var names = ImmutableArray.CreateBuilder<string>();
            switch (service["environment"])
            {
                case YamlSequence list:
                    foreach (var item in list.Items)
                    {
                        if (item is YamlScalar { Value: { } entry })
                        {
                            var equals = entry.IndexOf('=');
                            names.Add((equals < 0 ? entry : entry[..equals]).Trim());
                        }
                        else
                        {
                            known = false;
                        }
                    }

                    break;
                case YamlMapping map:
                    known &= !map.HasMergeKey;
                    names.AddRange(map.Entries.Where(entry => entry.Key != "<<").Select(entry => entry.Key));
                    break;
                case null:
                    break;
                default:
                    known = false;
                    break;
            }

            var envFiles = ImmutableArray.CreateBuilder<string>();
            switch (service["env_file"])
            {
                case YamlScalar { Value: { } path }:
                    envFiles.Add(path);
                    break;
                case YamlSequence list:
                    foreach (var item in list.Items)
                    {
                        var path = item switch
                        {
                            YamlScalar scalar => scalar.Value,
                            YamlMapping map => (map["path"] as YamlScalar)?.Value,
                            _ => null,
                        };
                        if (path is null)
                        {
                            known = false;
                        }
                        else
                        {
                            envFiles.Add(path);
                        }
                    }

                    break;
                case null:
                    break;
                default:
                    known = false;
                    break;
            }

            var image = (service["image"] as YamlScalar)?.Value;
            result.Add(new ComposeService(name, image, service.Line, names.ToImmutable(), envFiles.ToImmutable(), known));
        }

        return result.ToImmutable();
    }

    /// <summary>The variable names an env file defines: <c>NAME=value</c>, <c>export NAME=value</c> or a bare <c>NAME</c>.</summary>
    public static ImmutableArray<string> ReadEnvFileNames(string text)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var equals = line.IndexOf('=');
            var name = (equals < 0 ? line : line[..equals]).Trim();
            if (name.Length > 0)
            {
                names.Add(name);
            }
        }

        return names.ToImmutable();
    }
}
