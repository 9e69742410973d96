using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Correctness;

/// <summary>A call to a function the standard library does not have, or with the wrong number of arguments.</summary>
public sealed class AL114UnknownFunction : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL114",
        "unknown-function",
        RuleCategory.Correctness,
        Severity.Error,
        "A call names an unknown standard library function or passes the wrong number of arguments.");

    public override void Check(LintContext context)
    {
        List<string>? functionNames = null;
        foreach (var callee in context.Model.References)
        {
            // Callees that are not names (a call result, an index) are not references; names bound to components or arguments are judged at run time.
            if (callee is not { Call: { } call, Kind: ReferenceKind.Stdlib or ReferenceKind.Unresolved })
            {
                continue;
            }

            var (tree, name) = (callee.Tree, callee.Text);
            if (StandardLibrary.Find(name) is not { } function)
            {
                functionNames ??= [.. StandardLibrary.All.Where(entry => entry.IsFunction && !entry.IsDeprecated).Select(entry => entry.Name)];
                var hint = Suggestions.Closest(name, functionNames);
                context.Report(tree, call.Callee.Span, hint is null
                    ? $"unknown function \"{name}\": the standard library has no such function"
                    : $"unknown function \"{name}\"; did you mean \"{hint}\"?");
            }
            else if (!function.IsFunction)
            {
                context.Report(tree, call.Callee.Span, $"{name} is a value, not a function: write {name} without parentheses");
            }
            else if (!function.AcceptsArgumentCount(call.Arguments.Length))
            {
                context.Report(tree, call.Callee.Span, $"{name} takes {function.ArityText} argument{(function.MaxArguments == 1 && function.MinArguments == 1 ? "" : "s")}, got {call.Arguments.Length}");
            }
        }
    }
}
