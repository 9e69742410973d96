using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Model;
using Xunit;
using static AlloyLint.Rules.Tests.Support.TestRules;

namespace AlloyLint.Rules.Tests.Model;

public sealed class NameChainTableTests
{
    [Fact]
    public void Equal_chains_share_one_entry_and_others_get_their_own()
    {
        var values = Parse("""
            a = prometheus.remote_write.default.receiver
            b = prometheus.remote_write.default.receiver
            c = prometheus.remote_write.default
            d = remote_write.default.receiver
            e = env
            f = foo(1).bar
            """).Root.Statements.Cast<AttributeStatement>().Select(attribute => attribute.Value).ToList();
        var table = new NameChainTable();
        var chains = values.Select(value => table.Find(value, "forward_to")).ToList();

        Assert.Same(chains[0], chains[1]);
        Assert.Equal(["prometheus", "remote_write", "default", "receiver"], chains[0]!.Names);
        Assert.Equal("prometheus.remote_write.default.receiver", chains[0]!.Text);
        Assert.Equal(["prometheus", "remote_write", "default"], chains[2]!.Names);
        Assert.Equal(["remote_write", "default", "receiver"], chains[3]!.Names);
        Assert.Equal(4, chains.Take(5).Distinct().Count());
        Assert.Equal("env", chains[4]!.Text);
        Assert.Null(chains[5]);
        Assert.Equal("prometheus.remote_write.default", chains[2]!.TextIn(stackalloc char[64]).ToString());
        Assert.Equal("prometheus.remote_write.default", chains[2]!.TextIn(stackalloc char[8]).ToString());
    }

    [Fact]
    public void Chains_stay_shared_as_the_table_grows_and_names_split_differently_stay_apart()
    {
        var source = string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"v{i} = a{i % 1000}.b.c{i % 1000 % 7}"));
        var values = Parse(source + "\nx = ab.c\ny = a.bc").Root.Statements.Cast<AttributeStatement>().Select(attribute => attribute.Value).ToList();
        var table = new NameChainTable();
        var chains = values.Select(value => table.Find(value, "forward_to")).ToList();

        for (var i = 0; i < 1000; i++)
        {
            Assert.Same(chains[i], chains[i + 1000]);
            Assert.Equal($"a{i}.b.c{i % 7}", chains[i]!.Text);
        }

        Assert.Equal(1000, chains.Take(2000).Distinct().Count());
        Assert.Equal(["ab", "c"], chains[2000]!.Names);
        Assert.Equal(["a", "bc"], chains[2001]!.Names);
    }

    [Fact]
    public void A_chain_is_shared_only_within_attributes_of_the_same_path()
    {
        var value = Parse("a = sys.env").Root.Statements.Cast<AttributeStatement>().Single().Value;
        var table = new NameChainTable();

        var inUrl = table.Find(value, "endpoint.url");
        var inPassword = table.Find(value, "endpoint.basic_auth.password");

        Assert.NotSame(inUrl, inPassword);
        Assert.Equal("endpoint.url", inUrl!.AttributePath);
        Assert.Equal("endpoint.basic_auth.password", inPassword!.AttributePath);
        Assert.Equal(inUrl.Names, inPassword.Names);
        Assert.Same(inUrl, table.Find(value, new string("endpoint.url".AsSpan())));
    }
}
