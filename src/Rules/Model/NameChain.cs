using System.Collections.Immutable;
using System.Runtime.InteropServices;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Model;

/// <summary>
/// The names of a chain (<c>prometheus.remote_write.default.receiver</c>) and the attribute it is written in, shared by
/// the references that write the same chain in an attribute of the same path (which keeps a reference 8 bytes smaller).
/// Its dotted text is built only when asked for: most chains name a component, and only messages need that text.
/// </summary>
internal sealed class NameChain(ImmutableArray<string> names, string attributePath)
{
    public ImmutableArray<string> Names { get; } = names;

    /// <summary>The attribute path through nested blocks the chain is written in (see <see cref="Reference.OwnerAttribute"/>).</summary>
    public string AttributePath { get; } = attributePath;

    /// <summary>
    /// The last reference with this chain that the model resolved while it was built: the next one in the same scope
    /// and file (and callee or not alike) resolves the same way, so it takes that answer instead of looking up again.
    /// </summary>
    public Reference? LastResolved { get; set; }

    /// <summary>The names joined with dots (built on first use; threads that race build equal strings).</summary>
    public string Text => field ??= string.Join('.', Names);

    /// <summary>The dotted text written into <paramref name="buffer"/>; when it does not fit, <see cref="Text"/> itself.</summary>
    public ReadOnlySpan<char> TextIn(Span<char> buffer)
    {
        var length = Names.Length - 1;
        foreach (var name in Names)
        {
            length += name.Length;
        }

        if (length > buffer.Length)
        {
            return Text;
        }

        var at = 0;
        foreach (var name in Names)
        {
            if (at > 0)
            {
                buffer[at++] = '.';
            }

            name.CopyTo(buffer[at..]);
            at += name.Length;
        }

        return buffer[..length];
    }

    /// <summary>Whether <paramref name="expression"/> (a chain of field accesses on an identifier) writes this chain's names, compared last to first.</summary>
    public bool IsWrittenBy(Expression expression)
    {
        var i = Names.Length - 1;
        var current = expression;
        for (; current is AccessExpression access; current = access.Target)
        {
            if (i <= 0 || Names[i--] != access.Member.Name)
            {
                return false;
            }
        }

        return i == 0 && Names[0] == ((IdentifierExpression)current).Name;
    }

    /// <summary>Whether <paramref name="expression"/> is a pure chain: an identifier followed by field accesses.</summary>
    public static bool IsChain(Expression expression)
    {
        var current = expression;
        while (current is AccessExpression access)
        {
            current = access.Target;
        }

        return current is IdentifierExpression;
    }

    /// <summary>The chain <paramref name="expression"/> writes (an <see cref="IdentifierExpression"/> followed by field accesses) in the attribute at <paramref name="attributePath"/>.</summary>
    public static NameChain Of(Expression expression, string attributePath)
    {
        var count = 1;
        var current = expression;
        for (; current is AccessExpression access; current = access.Target)
        {
            count++;
        }

        var names = new string[count];
        for (current = expression; current is AccessExpression access; current = access.Target)
        {
            names[--count] = access.Member.Name;
        }

        names[0] = ((IdentifierExpression)current).Name;
        return new NameChain(ImmutableCollectionsMarshal.AsImmutableArray(names), attributePath);
    }
}
