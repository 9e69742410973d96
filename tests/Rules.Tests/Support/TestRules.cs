using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Tests.Support;

/// <summary>Small rules that exist only to exercise the engine.</summary>
internal static class TestRules
{
    public static SyntaxTree Parse(string text, string path = "config.alloy") => AlloyParser.Parse(SourceText.From(text, path));

    public static SemanticModel BuildModel(params string[] files) =>
        SemanticModel.Build(files.Select((text, i) => Parse(text, $"cfg/{i}.alloy")));

    /// <summary>AL990: reports every top-level component at its header.</summary>
    public sealed class EveryComponent : Rule
    {
        public override RuleMetadata Metadata { get; } = new("AL990", "every-component", RuleCategory.Style, Severity.Note, "test");

        public override void Check(LintContext context)
        {
            foreach (var component in context.Model.Components)
            {
                context.Report(component, $"component {component.DisplayName}");
            }
        }
    }

    /// <summary>AL991: <c>level = "debug"</c> in logging; safe fix to "info".</summary>
    public sealed class DebugLevel : Rule
    {
        public override RuleMetadata Metadata { get; } = new("AL991", "debug-level", RuleCategory.Style, Severity.Warning, "test", FixAvailability.Always);

        public override void Check(LintContext context)
        {
            foreach (var logging in context.Model.ConfigBlocksNamed("logging"))
            {
                if (logging.Attribute("level") is { } level && ConstantEvaluator.EvaluateString(level.Value) == "debug")
                {
                    context.Report(logging.Tree, level.Value, "debug logging", Fix.Safe("Use info", TextEdit.Replace(level.Value.Span, "\"info\"")));
                }
            }
        }
    }

    /// <summary>AL992: no <c>tracing</c> block; unsafe fix inserting one (two lines) at the end of the anchor file.</summary>
    public sealed class MissingTracing : Rule
    {
        public override RuleMetadata Metadata { get; } = new("AL992", "missing-tracing", RuleCategory.Style, Severity.Warning, "test", FixAvailability.Always);

        public override void Check(LintContext context)
        {
            if (context.Model.ConfigBlocksNamed("tracing").Any())
            {
                return;
            }

            var tree = context.AnchorTree;
            var end = tree.Source.Length;
            context.Report(tree, new TextSpan(0, 0), "no tracing block",
                Fix.Unsafe("Add tracing", TextEdit.Insert(end, "\ntracing {\n\tsampling_fraction = 0.1\n}\n")));
        }
    }

    /// <summary>AL993: every component; a fix that breaks the syntax (deletes its closing brace).</summary>
    public sealed class BreaksSyntax : Rule
    {
        public override RuleMetadata Metadata { get; } = new("AL993", "breaks-syntax", RuleCategory.Style, Severity.Warning, "test", FixAvailability.Always);

        public override void Check(LintContext context)
        {
            foreach (var component in context.Model.Components)
            {
                context.Report(component, "broken fix", Fix.Safe("Break it", TextEdit.Delete(component.Block.CloseBrace)));
            }
        }
    }

    /// <summary>AL994: every component; a fix renaming its label to itself plus "_x" (applies once per pass, forever).</summary>
    public sealed class RenameLabel : Rule
    {
        public override RuleMetadata Metadata { get; } = new("AL994", "rename-label", RuleCategory.Style, Severity.Warning, "test", FixAvailability.Always);

        public override void Check(LintContext context)
        {
            foreach (var component in context.Model.Components)
            {
                var label = component.Block.Label!.Value;
                context.Report(component, "rename", Fix.Safe("Rename", TextEdit.Replace(label.Span, $"\"{label.Value}_x\"")));
            }
        }
    }

    /// <summary>AL995: throws, as a rule with a bug would.</summary>
    public sealed class Crashes : Rule
    {
        public override RuleMetadata Metadata { get; } = new("AL995", "crashes", RuleCategory.Style, Severity.Warning, "test");

        public override void Check(LintContext context) => throw new InvalidOperationException("boom");
    }
}
