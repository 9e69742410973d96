using AlloyLint.Parser.Text;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Deprecation;

/// <summary>
/// The references the semantic model resolves to deprecated standard library aliases (<c>env</c>, <c>concat</c>...):
/// names shadowed by a <c>foreach</c> variable or a component are not the library and are not among them.
/// </summary>
internal static class DeprecatedStdlibReferences
{
    /// <summary>
    /// Reports every deprecated alias of the configuration whose name <paramref name="include"/> accepts, with a safe
    /// fix to its current name unless the configuration shadows the new name's namespace.
    /// </summary>
    public static void Report(LintContext context, Func<string, bool> include)
    {
        HashSet<string>? definedNames = null;
        foreach (var reference in context.Model.References)
        {
            var name = reference.Names[0];
            if (reference.Kind != ReferenceKind.Stdlib || StandardLibrary.ReplacementFor(name) is not { } replacement || !include(name))
            {
                continue;
            }

            var replacementRoot = replacement[..replacement.IndexOf('.', StringComparison.Ordinal)];
            definedNames ??= DefinedNames(context.Model);
            var resolves = !definedNames.Contains(replacementRoot) && !IsLoopVariable(reference.Scope, replacementRoot);
            var span = new TextSpan(reference.Expression.Span.Start, name.Length);
            var message = resolves
                ? $"`{name}` is deprecated; use `{replacement}`"
                : $"`{name}` is deprecated; use `{replacement}` (the configuration defines `{replacementRoot}`, rename it first)";
            var fix = resolves ? Fix.Safe($"Replace `{name}` with `{replacement}`", TextEdit.Replace(span, replacement)) : null;
            context.Report(reference.Tree, span, message, fix);
        }
    }

    /// <summary>
    /// The top-level names a configuration defines, which hide the library's namespaces of the same name: the first
    /// part of every component name (custom components included) and the labels of <c>declare</c> and <c>import.*</c> blocks.
    /// </summary>
    public static HashSet<string> DefinedNames(SemanticModel model)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var block in model.AllBlocks)
        {
            switch (block)
            {
                case ComponentInstance component:
                    var name = component.Block.Name.AsSpan();
                    var dot = name.IndexOf('.');
                    lookup.Add(dot < 0 ? name : name[..dot]);
                    break;
                case ConfigBlock { Label: { } label } config when config.Name == "declare" || config.Name.StartsWith("import.", StringComparison.Ordinal):
                    names.Add(label);
                    break;
            }
        }

        return names;
    }

    private static bool IsLoopVariable(Scope? scope, string name)
    {
        for (; scope is not null; scope = scope.Parent)
        {
            if (scope.ForeachVariable == name)
            {
                return true;
            }
        }

        return false;
    }
}
