using System.Runtime;

namespace AlloyLint.Cli;

/// <summary>
/// Keeps the garbage collector out of a large lint, and lets it in between fix passes. A lint keeps nearly all it
/// allocates until the process exits (texts, syntax trees, the semantic model, findings), so a collection during the
/// run marks and moves live objects for little garbage: on a 100 MB configuration about eight collections over a heap
/// of up to a gigabyte took about a sixth of the CPU time. So a run over more than a megabyte asks for a region without
/// collections as large as it is expected to allocate. A run that allocates more (a fix) leaves the region at its next
/// collection and collects as usual.
/// </summary>
internal static class CollectionFreeRun
{
    /// <summary>Below this many bytes of input a lint does not collect anyway, and asking would cost start-up time.</summary>
    public const long MinimumInputBytes = 1024 * 1024;

    /// <summary>
    /// What a lint allocates per byte of input, with a margin: about 7 times measured (72 MB for a 10.5 MB file, 700 MB
    /// for 105 MB, every rule on).
    /// </summary>
    public const int AllocatedPerInputByte = 8;

    /// <summary>
    /// The region to ask for when linting <paramref name="inputBytes"/>, or null: for a small input, or when the region
    /// would take more than half of <paramref name="availableBytes"/> (then collections may be what keeps the run
    /// within the machine's or the container's memory).
    /// </summary>
    public static long? RegionBytes(long inputBytes, long availableBytes)
    {
        if (inputBytes < MinimumInputBytes || inputBytes > availableBytes / 2 / AllocatedPerInputByte)
        {
            return null;
        }

        return inputBytes * AllocatedPerInputByte;
    }

    /// <summary>
    /// Collects before a fix pass re-lints <paramref name="characters"/> of a large configuration, when the previous pass's
    /// trees, model and findings have just become garbage. Left to itself, the collector promotes each pass's trees to
    /// the oldest generation while they are alive and collects that generation rarely, so a large fix would keep one
    /// generation of them per pass. The collection also ends the region without collections, which a fix outgrows.
    /// </summary>
    public static void CollectBeforeRelint(long characters)
    {
        if (characters >= MinimumInputBytes)
        {
            GC.Collect();
        }
    }

    /// <summary>
    /// Enters a region for the next input of a run that handles its inputs one at a time (<c>fmt</c>), when it is large:
    /// the previous input's region, if still open, is ended first, as regions do not nest, and what the previous input
    /// left is collected on entering.
    /// </summary>
    public static void EnterForNext(long inputBytes)
    {
        if (inputBytes < MinimumInputBytes)
        {
            return;
        }

        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }

        TryEnter(inputBytes);
    }

    /// <summary>Enters the region for linting <paramref name="inputBytes"/> if it is worth it and the collector agrees.</summary>
    public static bool TryEnter(long inputBytes)
    {
        if (RegionBytes(inputBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes) is not { } region)
        {
            return false;
        }

        try
        {
            return GC.TryStartNoGCRegion(region);
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than the collector can set aside at once.
            return false;
        }
    }
}
