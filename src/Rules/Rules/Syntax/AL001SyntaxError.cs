using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Engine;

namespace AlloyLint.Rules.Syntax;

/// <summary>Reports the parser's syntax errors, with upstream Alloy's wording and positions.</summary>
public sealed class AL001SyntaxError : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL001",
        "syntax-error",
        RuleCategory.Syntax,
        Severity.Error,
        "The file does not parse as Alloy syntax.")
    {
        ReadsOnlySyntax = true,
    };

    public override void Check(LintContext context)
    {
        foreach (var tree in context.Trees)
        {
            foreach (var diagnostic in tree.Diagnostics)
            {
                context.Report(tree, diagnostic.Span, diagnostic.Message);
            }
        }
    }
}
