using Xunit;

namespace AlloyLint.TestSupport;

/// <summary>
/// Golden files with Verify's naming: <c>name.verified.ext</c> is checked in; on a mismatch the actual text is
/// written to <c>name.received.ext</c> beside it and the test fails. With ALLOYLINT_ACCEPT=1 the received text
/// becomes the verified file instead.
/// </summary>
public static class Golden
{
    public static bool Accepting => Environment.GetEnvironmentVariable("ALLOYLINT_ACCEPT") is "1" or "true";

    /// <summary>Compares <paramref name="actual"/> with <paramref name="verifiedPath"/> (absolute, or relative to the repository).</summary>
    public static void Verify(string actual, string verifiedPath)
    {
        var verified = Path.IsPathRooted(verifiedPath) ? verifiedPath : Path.Combine(SharedData.RepoRoot, verifiedPath);
        if (!verified.Contains(".verified.", StringComparison.Ordinal))
        {
            throw new ArgumentException($"golden files are named *.verified.*: {verifiedPath}", nameof(verifiedPath));
        }

        var received = verified.Replace(".verified.", ".received.", StringComparison.Ordinal);
        var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Accepting)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(verified)!);
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No verified file yet: {verified}. Received output written to {received}; rerun with ALLOYLINT_ACCEPT=1 to accept it."
            : $"Output differs from {verified}. Received output written to {received}; diff them, and rerun with ALLOYLINT_ACCEPT=1 to accept.");
    }
}
