using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.TestSupport;
using AlloyLint.TestSupport.Properties;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace AlloyLint.Rules.Tests.Fixes;

/// <summary>
/// Every rule on, unsafe fixes included, over the rule fixtures and the examples with random edits (a bounded
/// number of cases): applying fixes never throws, never turns a parsable file into an unparsable one, and a
/// second application changes nothing.
/// </summary>
public class FixPropertyTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(60).WithQuietOnSuccess(true);

    private static readonly IReadOnlyList<string> Seeds =
    [
        .. InputGenerators.RepositorySeeds,
        .. Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "tests", "Rules.Tests", "Fixtures"), "*.alloy", SearchOption.AllDirectories)
            .Where(path => !path.Contains(".verified.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText),
    ];

    [Fact]
    public void Fixing_the_seed_configs_yields_parsable_output_and_is_idempotent()
    {
        foreach (var seed in Seeds)
        {
            FixesAreSound(seed);
        }
    }

    [Fact]
    public void Fixing_mutated_configs_yields_parsable_output_and_is_idempotent() =>
        Prop.ForAll(InputGenerators.Mutated(Seeds).ToArbitrary(), FixesAreSound).Check(Cases);

    private static void FixesAreSound(string input)
    {
        var linter = new Linter(new LintSettings { Select = ["ALL"] });
        var applier = new FixApplier(linter);
        var workspace = new InMemoryWorkspace().Add("config.alloy", input);
        var source = SourceText.From(input, "config.alloy");
        var parsedBefore = !AlloyParser.Parse(source).HasErrors;

        var first = Guard.Run(() => applier.Apply(source, workspace, includeUnsafe: true), InputGenerators.Describe(input));
        if (parsedBefore)
        {
            var after = AlloyParser.Parse(first.NewSource);
            Assert.True(after.Diagnostics.IsEmpty, $"fixes broke the syntax: {string.Join("; ", after.Diagnostics.Select(d => d.Message))}\n--- input\n{input}\n--- output\n{first.NewText}");
        }

        var again = new InMemoryWorkspace().Add("config.alloy", first.NewText);
        var second = Guard.Run(() => applier.Apply(first.NewSource, again, includeUnsafe: true), "second application");
        Assert.False(second.Changed, $"a second --fix changed the file again ({string.Join(", ", second.Applied.Select(a => a.Rule.Id))})\n--- input\n{input}\n--- after one\n{first.NewText}\n--- after two\n{second.NewText}");
    }
}
