namespace AlloyLint.Rules.Model;

/// <summary>
/// The names met so far in one block body, kept as 64 bits (one per name, picked from its length and end characters):
/// a name whose bit is still clear was surely not met before, so the exact search for an earlier statement of that
/// name runs only for the few names whose bit is already set. Costs no allocation; a new body starts with a new filter.
/// </summary>
internal struct NameFilter
{
    private ulong _bits;

    /// <summary>Records <paramref name="name"/>: false when no equal name was recorded before, true when one may have been.</summary>
    public bool Add(string name)
    {
        var bit = 1UL << Slot(name);
        var maybeSeen = (_bits & bit) != 0;
        _bits |= bit;
        return maybeSeen;
    }

    // Equal names get equal slots; the names of one body mostly differ in length or first or last character.
    private static int Slot(string name) => name.Length == 0 ? 0 : ((name.Length * 31) + (name[0] * 7) + name[^1]) & 63;
}
