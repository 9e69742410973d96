namespace AlloyLint.Rules.Catalog;

/// <summary>"Did you mean" for misspelt names, and short lists of what is valid, for messages.</summary>
public static class Suggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="name"/> by edit distance, when close enough to be a likely typo
    /// (within <see cref="Limit"/>), the first of the closest; null otherwise. For many questions against the same
    /// candidates, <see cref="SuggestionIndex"/> answers the same without comparing the name with each.
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        var limit = Limit(name);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate == name || Math.Abs(candidate.Length - name.Length) > limit)
            {
                continue;
            }

            var distance = EditDistance(name, candidate, limit);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// How many edits a suggestion may be away: one per four characters, from 1 to 3, and at most half the length of
    /// the name's last dotted part, so that "prometheus.exporter.nodes" does not suggest "prometheus.exporter.redis".
    /// </summary>
    public static int Limit(string name)
    {
        var lastPart = name.Length - name.LastIndexOf('.') - 1;
        return Math.Min(Math.Clamp(name.Length / 4, 1, 3), Math.Max(1, lastPart / 2));
    }

    /// <summary><c>; did you mean "x"?</c> when a close candidate exists, else empty.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } match ? $"; did you mean \"{match}\"?" : string.Empty;

    /// <summary>Names joined with commas, at most <paramref name="max"/> of them, then how many more.</summary>
    public static string List(IEnumerable<string> names, int max = 12) => List(names.ToList(), name => name, max);

    /// <summary>
    /// <paramref name="items"/> described and joined with commas, at most <paramref name="max"/> of them, then how many
    /// more: only the items shown are described.
    /// </summary>
    public static string List<T>(IReadOnlyList<T> items, Func<T, string> describe, int max = 12)
    {
        if (items.Count == 0)
        {
            return "none";
        }

        var shown = string.Join(", ", items.Take(max).Select(describe));
        return items.Count <= max ? shown : $"{shown} and {items.Count - max} more";
    }

    /// <summary>Levenshtein distance, with a transposition of neighbours counted as one edit.</summary>
    public static int EditDistance(string a, string b) => EditDistance(a, b, int.MaxValue);

    /// <summary>
    /// <see cref="EditDistance(string, string)"/>, or any number above <paramref name="limit"/> as soon as the distance
    /// is sure to exceed it: a "did you mean" compares one name with many, most of them far from it.
    /// </summary>
    internal static int EditDistance(string a, string b, int limit)
    {
        // Three rows of the table, on the stack for names of usual length.
        var width = b.Length + 1;
        var rows = width <= 256 ? stackalloc int[3 * width] : new int[3 * width];
        var previousPrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows[(2 * width)..];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        var previousMinimum = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var minimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previousPrevious[j - 2] + 1);
                }

                minimum = Math.Min(minimum, current[j]);
            }

            // Every later cell grows from one of the last two rows (a transposition reaches back two): once both
            // exceed the limit, so does the distance.
            if (minimum > limit && previousMinimum > limit)
            {
                return minimum;
            }

            previousMinimum = minimum;
            var reused = previousPrevious;
            previousPrevious = previous;
            previous = current;
            current = reused;
        }

        return previous[b.Length];
    }
}
