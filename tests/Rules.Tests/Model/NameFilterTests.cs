using AlloyLint.Rules.Model;
using Xunit;

namespace AlloyLint.Rules.Tests.Model;

public sealed class NameFilterTests
{
    [Fact]
    public void A_name_met_before_is_always_flagged_also_as_another_string_object()
    {
        var filter = default(NameFilter);
        Assert.False(filter.Add("scrape_interval"));
        Assert.True(filter.Add(new string("scrape_interval".AsSpan())));
    }

    [Fact]
    public void Names_of_a_typical_body_are_told_apart()
    {
        var filter = default(NameFilter);
        foreach (var name in new[] { "targets", "forward_to", "scrape_interval", "scrape_timeout", "job_name", "metrics_path" })
        {
            Assert.False(filter.Add(name));
        }
    }

    [Fact]
    public void The_empty_name_is_recorded_too()
    {
        var filter = default(NameFilter);
        Assert.False(filter.Add(string.Empty));
        Assert.True(filter.Add(string.Empty));
    }
}
