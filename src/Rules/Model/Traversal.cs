using System.Collections.Immutable;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Model;

/// <summary>Dotted name chains such as <c>prometheus.exporter.self.alloy.targets</c> (an identifier followed by field accesses).</summary>
public static class Traversal
{
    /// <summary>The names of the chain, or empty when <paramref name="expression"/> is not a pure identifier/access chain.</summary>
    public static ImmutableArray<string> Names(Expression expression)
    {
        var names = new List<string>();
        var current = expression;
        while (current is AccessExpression access)
        {
            names.Add(access.Member.Name);
            current = access.Target;
        }

        if (current is not IdentifierExpression root)
        {
            return [];
        }

        names.Add(root.Name);
        names.Reverse();
        return [.. names];
    }

    /// <summary>The chain joined with dots, or null when it is not a chain.</summary>
    public static string? DottedName(Expression expression)
    {
        var names = Names(expression);
        return names.IsEmpty ? null : string.Join('.', names);
    }
}
