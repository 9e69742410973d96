using AlloyLint.Rules.Correctness;
using AlloyLint.Rules.Engine;
using Xunit;

namespace AlloyLint.Rules.Tests.Rules;

public sealed class AL108ReferenceCycleTests
{
    [Fact]
    public void A_long_cycle_names_its_first_ten_members_and_counts_the_others_once_per_member()
    {
        const int length = 25;
        var text = string.Concat(Enumerable.Range(0, length).Select(i =>
            $"discovery.relabel \"r{i}\" {{\n\ttargets = discovery.relabel.r{(i + 1) % length}.output\n}}\n"));
        var workspace = new InMemoryWorkspace().Add("c.alloy", text);

        var findings = new Linter(LintSettings.Default, [new AL108ReferenceCycle()]).Lint(workspace.ReadAlloyFile("c.alloy")!, workspace);

        Assert.Equal(length, findings.Count);
        var named = string.Join(" -> ", Enumerable.Range(0, 10).Select(i => $"discovery.relabel.r{i}"));
        Assert.All(findings, finding => Assert.Equal($"reference cycle: {named} -> ... (15 more) -> discovery.relabel.r0", finding.Message));
    }
}
