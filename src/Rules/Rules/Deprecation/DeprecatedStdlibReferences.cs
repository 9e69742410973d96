using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Deprecation;

/// <summary>
/// A use of a deprecated standard library alias: the identifier, its current name, and whether writing the
/// current name would reach the library (false when the configuration shadows the new name's namespace).
/// </summary>
internal readonly record struct DeprecatedStdlibReference(IdentifierExpression Identifier, string Replacement, bool ReplacementResolves);

/// <summary>
/// Finds the identifiers that resolve to deprecated standard library aliases (<c>env</c>, <c>concat</c>...).
/// Alloy resolves a bare name in scope before the library: a component, <c>declare</c> or <c>import</c> namespace
/// of the configuration, or a <c>foreach</c> variable in its template, with that name is not the library.
/// </summary>
internal static class DeprecatedStdlibReferences
{
    /// <summary>
    /// Reports every deprecated alias of the configuration whose name <paramref name="include"/> accepts, with a safe
    /// fix to its current name unless the configuration shadows the new name's namespace.
    /// </summary>
    public static void Report(LintContext context, Func<string, bool> include)
    {
        var definedNames = DefinedNames(context.Trees);
        foreach (var tree in context.Trees)
        {
            foreach (var (identifier, replacement, resolves) in Find(tree, definedNames))
            {
                if (!include(identifier.Name))
                {
                    continue;
                }

                var name = identifier.Name;
                var message = resolves
                    ? $"`{name}` is deprecated; use `{replacement}`"
                    : $"`{name}` is deprecated; use `{replacement}` (the configuration defines `{replacement[..replacement.IndexOf('.', StringComparison.Ordinal)]}`, rename it first)";
                var fix = resolves ? Fix.Safe($"Replace `{name}` with `{replacement}`", TextEdit.Replace(identifier.Span, replacement)) : null;
                context.Report(tree, identifier.Span, message, fix);
            }
        }
    }

    private static IEnumerable<DeprecatedStdlibReference> Find(SyntaxTree tree, IReadOnlySet<string> configurationNames)
    {
        var found = new List<DeprecatedStdlibReference>();
        Visit(tree.Root, configurationNames, [], found);
        return found;
    }

    /// <summary>
    /// The top-level names a configuration defines: the first part of every component name (custom components
    /// included) and the labels of <c>declare</c> and <c>import.*</c> blocks.
    /// </summary>
    public static HashSet<string> DefinedNames(IEnumerable<SyntaxTree> trees)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            AddDefinedNames(tree.Root, names);
        }

        return names;
    }

    private static void AddDefinedNames(Body body, HashSet<string> names)
    {
        foreach (var block in body.Blocks)
        {
            if (block.Name == "declare" || block.Name.StartsWith("import.", StringComparison.Ordinal))
            {
                if (block.Label is { } label)
                {
                    names.Add(label.Value);
                }

                if (block.Name == "declare")
                {
                    AddDefinedNames(block.Body, names);
                }
            }
            else if (block.Label is not null)
            {
                names.Add(block.NameParts[0].Name);
            }
        }
    }

    private static void Visit(Body body, IReadOnlySet<string> configurationNames, List<string> loopVariables, List<DeprecatedStdlibReference> found)
    {
        foreach (var statement in body.Statements)
        {
            switch (statement)
            {
                case AttributeStatement attribute:
                    VisitExpression(attribute.Value, configurationNames, loopVariables, found);
                    break;
                case BlockStatement { Name: "foreach" } loop when LoopVariable(loop) is { } variable:
                    loopVariables.Add(variable);
                    Visit(loop.Body, configurationNames, loopVariables, found);
                    loopVariables.RemoveAt(loopVariables.Count - 1);
                    break;
                case BlockStatement block:
                    Visit(block.Body, configurationNames, loopVariables, found);
                    break;
            }
        }
    }

    private static void VisitExpression(Expression expression, IReadOnlySet<string> configurationNames, List<string> loopVariables, List<DeprecatedStdlibReference> found)
    {
        foreach (var node in expression.DescendantsAndSelf())
        {
            if (node is IdentifierExpression identifier
                && StandardLibrary.ReplacementFor(identifier.Name) is { } replacement
                && !configurationNames.Contains(identifier.Name)
                && !loopVariables.Contains(identifier.Name))
            {
                var replacementRoot = replacement[..replacement.IndexOf('.', StringComparison.Ordinal)];
                var resolves = !configurationNames.Contains(replacementRoot) && !loopVariables.Contains(replacementRoot);
                found.Add(new DeprecatedStdlibReference(identifier, replacement, resolves));
            }
        }
    }

    /// <summary>The name a <c>foreach</c> binds in its template (its literal <c>var</c>), or null.</summary>
    private static string? LoopVariable(BlockStatement loop) =>
        loop.Body.Attributes.FirstOrDefault(attribute => attribute.Name.Name == "var") is { } variable
            ? ConstantEvaluator.EvaluateString(variable.Value)
            : null;
}
