using Xunit;

namespace AlloyLint.TestSupport;

/// <summary>Locates the repository and the read-only ../shared folder beside it.</summary>
public static class SharedData
{
    private static readonly Lazy<string> RepoRootLazy = new(FindRepoRoot);

    /// <summary>The folder holding AlloyLint.sln.</summary>
    public static string RepoRoot => RepoRootLazy.Value;

    /// <summary>
    /// ALLOYLINT_SHARED when set; otherwise a <c>shared</c> folder beside the repository or beside one of its
    /// parents (git worktrees such as /work/wt/NAME sit one level deeper than /work/main); else ../shared.
    /// </summary>
    public static string SharedRoot =>
        Environment.GetEnvironmentVariable("ALLOYLINT_SHARED") is { Length: > 0 } custom
            ? Path.GetFullPath(custom)
            : FindSharedBesideAncestor() ?? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    private static string? FindSharedBesideAncestor()
    {
        for (var dir = Directory.GetParent(RepoRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The path of <paramref name="relative"/> under ../shared/conformance. When that folder is absent the
    /// calling test is skipped with a message that says so: a missing data set never passes silently.
    /// </summary>
    public static string ConformancePath(string relative = "")
    {
        var root = Path.Combine(SharedRoot, "conformance");
        if (!Directory.Exists(root))
        {
            Assert.Skip($"Conformance data is absent: {root} does not exist, so this conformance test did not run.");
        }

        return Path.Combine(root, relative);
    }

    /// <summary>The path of <paramref name="relative"/> under ../shared/spec, skipping the test when absent.</summary>
    public static string SpecPath(string relative)
    {
        var path = Path.Combine(SharedRoot, "spec", relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"Shared spec data is absent: {path} does not exist, so this test did not run.");
        }

        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AlloyLint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"AlloyLint.sln not found above {AppContext.BaseDirectory}");
    }
}
