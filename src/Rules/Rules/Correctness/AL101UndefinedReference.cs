using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Correctness;

/// <summary>An expression names a component (or anything) that does not exist in its scope.</summary>
public sealed class AL101UndefinedReference : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL101",
        "undefined-reference",
        RuleCategory.Correctness,
        Severity.Error,
        "A reference names a component that does not exist or is out of scope.");

    public override void Check(LintContext context)
    {
        // The message depends only on the scope and the text: a name repeated across a large file is explained once
        // (finding the closest name scans every visible component), and its findings share one message.
        var messages = new Dictionary<(Scope Scope, string Text), string>();
        foreach (var reference in context.Model.References)
        {
            // Calls to unknown functions are AL114's.
            if (reference.Kind != ReferenceKind.Unresolved || reference.IsCallee || IsModuleArgument(reference, context.Model))
            {
                continue;
            }

            var text = reference.Text;
            if (!messages.TryGetValue((reference.Scope, text), out var message))
            {
                messages[(reference.Scope, text)] = message = $"undefined reference \"{text}\": {Explain(reference, context.Model)}";
            }

            context.Report(reference, message);
        }
    }

    /// <summary>
    /// <c>argument.NAME.value</c> outside any declare, in a file that has a top-level <c>argument "NAME"</c>: the
    /// file is a module loaded with import.*, where that reference is valid.
    /// </summary>
    private static bool IsModuleArgument(Reference reference, SemanticModel model) =>
        reference.Names is ["argument", var name, ..] && reference.Scope.Kind != ScopeKind.Declare
        && model.Root.ConfigBlocksNamed("argument").Any(argument => argument.Label == name);

    private static string Explain(Reference reference, SemanticModel model)
    {
        var visible = VisibleComponents(reference.Scope).ToList();
        var names = reference.Names;
        if (names.Length == 1)
        {
            var hint = Suggestions.Closest(names[0], StandardLibrary.RootNames);
            return hint is null
                ? "no component, argument or standard library name is called that here"
                : $"no such identifier here; did you mean \"{hint}\"?";
        }

        // The longest prefix that names a kind of component: what follows is the label.
        for (var length = names.Length - 1; length >= 1; length--)
        {
            var name = string.Join('.', names.Take(length));
            var sameKind = visible.Where(component => component.Name == name).ToList();
            var isKnownKind = sameKind.Count > 0 || ComponentCatalog.Default.FindComponent(name) is not null || reference.Scope.FindDeclaration(name) is not null;
            if (!isKnownKind)
            {
                continue;
            }

            var label = names[length];
            if (sameKind.Count == 0)
            {
                return $"no {name} component is declared in scope" + Elsewhere(model, reference, $"{name}.{label}");
            }

            var match = Suggestions.Closest(label, sameKind.Select(component => component.Label!));
            return match is not null
                ? $"there is no {name} \"{label}\"; did you mean {name}.{match}{Rest(names, length + 1)}?"
                : $"there is no {name} \"{label}\" in scope (declared: {Suggestions.List(sameKind.Select(component => $"\"{component.Label}\""))})" + Elsewhere(model, reference, $"{name}.{label}");
        }

        if (names[0] == "argument")
        {
            var arguments = reference.Scope.Kind == ScopeKind.Declare ? reference.Scope.ConfigBlocksNamed("argument").Select(argument => argument.Label!).ToList() : [];
            return arguments.Count == 0
                ? "no argument block declares it here (argument.NAME.value reads an argument of the enclosing declare)"
                : $"the enclosing declare has no argument \"{names[1]}\"{Suggestions.DidYouMean(names[1], arguments)} (arguments: {Suggestions.List(arguments)})";
        }

        var closest = Suggestions.Closest(reference.Text, visible.Select(component => component.Id + Rest(names, component.Id.Count(c => c == '.') + 1)));
        return closest is not null ? $"no component matches; did you mean \"{closest}\"?" : "no component in scope has this name";
    }

    private static string Rest(System.Collections.Immutable.ImmutableArray<string> names, int from) =>
        from < names.Length ? "." + string.Join('.', names.Skip(from)) : string.Empty;

    /// <summary>Explains a component that exists, but in a scope the reference cannot see (another declare, a foreach template).</summary>
    private static string Elsewhere(SemanticModel model, Reference reference, string id)
    {
        var hidden = model.AllBlocks.OfType<ComponentInstance>().FirstOrDefault(component => component.HasId(id));
        return hidden?.Scope.Owner is { } owner ? $"; {id} exists only inside {owner.DisplayName}, which is out of scope here" : string.Empty;
    }

    private static IEnumerable<ComponentInstance> VisibleComponents(Scope scope)
    {
        for (Scope? current = scope; current is not null; current = current.OuterComponentScope)
        {
            foreach (var component in current.Components)
            {
                yield return component;
            }
        }
    }
}
