using AlloyLint.Rules.Tests.Support;
using Xunit;

namespace AlloyLint.Rules.Tests;

/// <summary>Runs every fixture under Fixtures/ALnnn/ (see README.md): findings, fixed output, idempotence.</summary>
public sealed class RuleFixtureTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (ruleId, caseName) in RuleFixture.All())
        {
            data.Add(ruleId, caseName);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture(string ruleId, string caseName) => RuleFixture.Load(ruleId, caseName).Verify();
}
