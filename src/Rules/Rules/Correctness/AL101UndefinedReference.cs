using System.Runtime.InteropServices;
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
        // The message depends only on the scope and the text: a name repeated across a large file is explained once,
        // and its findings share one message. Distinct names share the index of what each scope sees.
        var messages = new Dictionary<(Scope Scope, string Text), string>();
        var index = new ComponentIndex(context.Model);
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
                messages[(reference.Scope, text)] = message = $"undefined reference \"{text}\": {Explain(reference, index)}";
            }

            context.Report(reference, message);
        }
    }

    /// <summary>
    /// <c>argument.NAME.value</c> outside any declare, in a file that has a top-level <c>argument "NAME"</c>: the
    /// file is a module loaded with import.*, where that reference is valid.
    /// </summary>
    private static bool IsModuleArgument(Reference reference, SemanticModel model) =>
        reference.Names is ["argument", var name, ..] && reference.Scope.Kind != ScopeKind.Declare && HasArgument(model.Root, name);

    // Apart from IsModuleArgument: the lambda's closure would be allocated on every call there, argument or not.
    private static bool HasArgument(Scope scope, string name) => scope.ConfigBlocksNamed("argument").Any(argument => argument.Label == name);

    private static string Explain(Reference reference, ComponentIndex index)
    {
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
            var sameKind = index.Visible(reference.Scope, name);
            var isKnownKind = sameKind.Count > 0 || ComponentCatalog.Default.FindComponent(name) is not null || reference.Scope.FindDeclaration(name) is not null;
            if (!isKnownKind)
            {
                continue;
            }

            var label = names[length];
            if (sameKind.Count == 0)
            {
                return $"no {name} component is declared in scope" + index.Elsewhere($"{name}.{label}");
            }

            var match = index.ClosestLabel(reference.Scope, name, label);
            return match is not null
                ? $"there is no {name} \"{label}\"; did you mean {name}.{match}{Rest(names, length + 1)}?"
                : $"there is no {name} \"{label}\" in scope (declared: {Suggestions.List(sameKind, component => $"\"{component.Label}\"")})" + index.Elsewhere($"{name}.{label}");
        }

        if (names[0] == "argument")
        {
            var arguments = reference.Scope.Kind == ScopeKind.Declare ? reference.Scope.ConfigBlocksNamed("argument").Select(argument => argument.Label!).ToList() : [];
            return arguments.Count == 0
                ? "no argument block declares it here (argument.NAME.value reads an argument of the enclosing declare)"
                : $"the enclosing declare has no argument \"{names[1]}\"{Suggestions.DidYouMean(names[1], arguments)} (arguments: {Suggestions.List(arguments)})";
        }

        var closest = index.ClosestReference(reference);
        return closest is not null ? $"no component matches; did you mean \"{closest}\"?" : "no component in scope has this name";
    }

    private static string Rest(System.Collections.Immutable.ImmutableArray<string> names, int from) =>
        from < names.Length ? "." + string.Join('.', names.Skip(from)) : string.Empty;

    /// <summary>
    /// The components each scope sees (its own, then those of the scopes around it), listed once per scope and by kind,
    /// the first component of each ID, and the suggestion indexes of their labels and references: a file with thousands
    /// of distinct undefined names would otherwise list and compare every component again for each.
    /// </summary>
    private sealed class ComponentIndex(SemanticModel model)
    {
        private readonly Dictionary<Scope, Dictionary<string, List<ComponentInstance>>> _visibleByName = [];
        // Null once the labels of a kind have been asked about once: an index pays off from the second question on.
        private readonly Dictionary<(Scope Scope, string Name), SuggestionIndex?> _labels = [];
        private readonly Dictionary<Scope, List<ReferenceGroup>> _references = [];

        // The scopes that hold components: the root, and each declare body and foreach template.
        private List<Scope>? _scopes;

        public IReadOnlyList<ComponentInstance> Visible(Scope scope, string name) =>
            VisibleByName(scope).TryGetValue(name, out var components) ? components : [];

        /// <summary>The label of a visible <paramref name="name"/> component closest to <paramref name="label"/>, as <see cref="Suggestions.Closest"/> finds it.</summary>
        public string? ClosestLabel(Scope scope, string name, string label)
        {
            if (!_labels.TryGetValue((scope, name), out var labels))
            {
                _labels[(scope, name)] = null;
                return Suggestions.Closest(label, Visible(scope, name).Select(component => component.Label!));
            }

            labels ??= _labels[(scope, name)] = new SuggestionIndex(Visible(scope, name).Select(component => component.Label!));
            return labels.Closest(label);
        }

        /// <summary>
        /// The reference as it would read naming the closest visible component (its ID, then the names after as many
        /// parts), as <see cref="Suggestions.Closest"/> finds it among those of every visible component in order. The
        /// components are indexed by ID once per scope, in groups of as many parts, which share the rest of the names.
        /// </summary>
        public string? ClosestReference(Reference reference)
        {
            if (!_references.TryGetValue(reference.Scope, out var groups))
            {
                var visible = Visible(reference.Scope);
                _references[reference.Scope] = groups = [.. Enumerable.Range(0, visible.Count)
                    .GroupBy(order => visible[order].Id.Count(c => c == '.') + 1)
                    .Select(group => new ReferenceGroup(group.Key, new SuggestionIndex(group.Select(order => visible[order].Id)), [.. group]))];
            }

            var limit = Suggestions.Limit(reference.Text);
            (string Text, int Distance, int Order)? best = null;
            foreach (var group in groups)
            {
                if (group.Ids.Search(reference.Text, Rest(reference.Names, group.Parts), limit) is { } match
                    && (best is not { } found || (match.Distance, group.Orders[match.Order]).CompareTo((found.Distance, found.Order)) < 0))
                {
                    best = (match.Candidate, match.Distance, group.Orders[match.Order]);
                }
            }

            return best?.Text;
        }

        /// <summary>Explains a component that exists, but in a scope the reference cannot see (another declare, a foreach template).</summary>
        public string Elsewhere(string id)
        {
            _scopes ??= [model.Root, .. model.AllBlocks.OfType<ConfigBlock>().Select(block => block.InnerScope).OfType<Scope>()];

            // The first component with this ID in the whole model: each scope already finds its own first by the ID's text.
            ComponentInstance? hidden = null;
            foreach (var scope in _scopes)
            {
                if (scope.ComponentsWithId(id) is [var first, ..] && (hidden is null || first.Index < hidden.Index))
                {
                    hidden = first;
                }
            }

            return hidden?.Scope.Owner is { } owner
                ? $"; {id} exists only inside {owner.DisplayName}, which is out of scope here"
                : string.Empty;
        }

        /// <summary>Visible components whose IDs have <paramref name="Parts"/> parts, indexed; <paramref name="Orders"/> maps an index position to the visible order.</summary>
        private sealed record ReferenceGroup(int Parts, SuggestionIndex Ids, int[] Orders);

        /// <summary>The components <paramref name="scope"/> sees: its own, then those of the scopes around it.</summary>
        private static List<ComponentInstance> Visible(Scope scope)
        {
            var visible = new List<ComponentInstance>();
            for (Scope? current = scope; current is not null; current = current.OuterComponentScope)
            {
                visible.AddRange(current.Components);
            }

            return visible;
        }

        /// <summary>The components <paramref name="scope"/> sees (as <see cref="Visible(Scope)"/> lists them) by name.</summary>
        private Dictionary<string, List<ComponentInstance>> VisibleByName(Scope scope)
        {
            if (!_visibleByName.TryGetValue(scope, out var byName))
            {
                // Counted first, so that each list is made as large as it gets (a large file has thousands of a kind).
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                for (Scope? current = scope; current is not null; current = current.OuterComponentScope)
                {
                    foreach (var component in current.Components)
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(counts, component.Name, out _)++;
                    }
                }

                _visibleByName[scope] = byName = new(counts.Count, StringComparer.Ordinal);
                for (Scope? current = scope; current is not null; current = current.OuterComponentScope)
                {
                    foreach (var component in current.Components)
                    {
                        if (!byName.TryGetValue(component.Name, out var sameName))
                        {
                            byName[component.Name] = sameName = new(counts[component.Name]);
                        }

                        sameName.Add(component);
                    }
                }
            }

            return byName;
        }
    }
}
