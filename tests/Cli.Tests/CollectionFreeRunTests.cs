using Xunit;

namespace AlloyLint.Cli.Tests;

public sealed class CollectionFreeRunTests
{
    private const long GiB = 1024L * 1024 * 1024;

    [Fact]
    public void A_region_is_asked_for_inputs_of_a_megabyte_or_more_that_leave_half_the_memory_free()
    {
        Assert.Null(CollectionFreeRun.RegionBytes(3 * 1024, 24 * GiB));
        Assert.Null(CollectionFreeRun.RegionBytes(CollectionFreeRun.MinimumInputBytes - 1, 24 * GiB));
        Assert.Equal(11L * 1024 * 1024, CollectionFreeRun.RegionBytes(CollectionFreeRun.MinimumInputBytes, 24 * GiB));
        Assert.Equal(1100L * 1024 * 1024, CollectionFreeRun.RegionBytes(100L * 1024 * 1024, 24 * GiB));
        Assert.Null(CollectionFreeRun.RegionBytes(GiB, 16 * GiB));
    }
}
