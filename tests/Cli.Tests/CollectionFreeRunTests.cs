using System.Runtime;
using Xunit;

namespace AlloyLint.Cli.Tests;

/// <summary>Alone: a region without collections is the whole process's, and other tests' allocations would end it.</summary>
[CollectionDefinition(nameof(CollectionFreeRunTests), DisableParallelization = true)]
[Collection(nameof(CollectionFreeRunTests))]
public sealed class CollectionFreeRunTests
{
    private const long GiB = 1024L * 1024 * 1024;

    [Fact]
    public void A_region_is_asked_for_inputs_of_a_megabyte_or_more_that_leave_half_the_memory_free()
    {
        Assert.Null(CollectionFreeRun.RegionBytes(3 * 1024, 24 * GiB));
        Assert.Null(CollectionFreeRun.RegionBytes(CollectionFreeRun.MinimumInputBytes - 1, 24 * GiB));
        Assert.Equal(8L * 1024 * 1024, CollectionFreeRun.RegionBytes(CollectionFreeRun.MinimumInputBytes, 24 * GiB));
        Assert.Equal(800L * 1024 * 1024, CollectionFreeRun.RegionBytes(100L * 1024 * 1024, 24 * GiB));
        Assert.Null(CollectionFreeRun.RegionBytes(2 * GiB, 16 * GiB));
    }

    [Fact]
    public void Entering_for_each_input_in_turn_ends_the_previous_region_whether_it_is_open_or_outgrown()
    {
        const long input = 2 * 1024 * 1024;
        try
        {
            CollectionFreeRun.EnterForNext(input);
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

            CollectionFreeRun.EnterForNext(input); // the first region is still open
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

            for (var allocated = 0L; allocated < 4 * CollectionFreeRun.AllocatedPerInputByte * input; allocated += 64 * 1024)
            {
                GC.KeepAlive(new byte[64 * 1024]); // outgrows the region: the collector ends it
            }

            CollectionFreeRun.EnterForNext(input);
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
        finally
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
    }
}
