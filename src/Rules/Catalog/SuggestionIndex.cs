namespace AlloyLint.Rules.Catalog;

/// <summary>
/// Candidates indexed for many "did you mean" questions: a trie, searched with one row of the edit distance per
/// level, so that a question visits only the prefixes still within the limit instead of every candidate. Answers
/// as <see cref="Suggestions.Closest"/> does over the same candidates in the same order.
/// </summary>
public sealed class SuggestionIndex
{
    private readonly Node _root = new('\0');

    public SuggestionIndex(IEnumerable<string> candidates)
    {
        var order = 0;
        foreach (var candidate in candidates)
        {
            var node = _root;
            foreach (var ch in candidate)
            {
                node = node.Child(ch);
            }

            if (node.Order < 0)
            {
                (node.Order, node.Candidate) = (order, candidate);
            }

            order++;
        }
    }

    /// <summary>What <see cref="Suggestions.Closest"/> answers for <paramref name="name"/> over the candidates.</summary>
    public string? Closest(string name) => Search(name, string.Empty, Suggestions.Limit(name)) is { } match ? match.Candidate : null;

    /// <summary>
    /// The candidate that, followed by <paramref name="suffix"/>, is closest to <paramref name="name"/> within
    /// <paramref name="limit"/> edits (not equal to it), the first in order among the closest; null when none is.
    /// </summary>
    public Match? Search(string name, string suffix, int limit)
    {
        var search = new TrieSearch(name, suffix, limit);
        search.Visit(_root, depth: 0, previousChar: '\0');
        return search.Best;
    }

    /// <summary>What <see cref="Search"/> found: the candidate followed by the suffix, its distance, and the candidate's position.</summary>
    public sealed record Match(string Candidate, int Distance, int Order);

    private sealed class Node(char ch)
    {
        public char Char { get; } = ch;

        // Few per node: a list searched in order is smaller than a dictionary, and fast enough.
        public List<Node>? Children { get; private set; }

        // The first candidate that ends here, and its position; -1 when none does.
        public int Order { get; set; } = -1;

        public string? Candidate { get; set; }

        public Node Child(char ch)
        {
            Children ??= [];
            foreach (var child in Children)
            {
                if (child.Char == ch)
                {
                    return child;
                }
            }

            var added = new Node(ch);
            Children.Add(added);
            return added;
        }
    }

    /// <summary>
    /// The edit distance (a transposition of neighbours counted as one edit) of the name to each prefix, one row per
    /// level: row d holds the distances of the name's prefixes to the trie prefix of length d.
    /// </summary>
    private sealed class TrieSearch(string name, string suffix, int limit)
    {
        private readonly List<int[]> _rows = [];

        public Match? Best { get; private set; }

        public void Visit(Node node, int depth, char previousChar)
        {
            if (node.Order >= 0 && Distance(depth, previousChar) is var distance && distance <= limit && distance > 0)
            {
                if (Best is null || distance < Best.Distance || (distance == Best.Distance && node.Order < Best.Order))
                {
                    Best = new Match(node.Candidate + suffix, distance, node.Order);
                }
            }

            if (node.Children is null)
            {
                return;
            }

            // A child whose row and this row both exceed the limit is left: every longer prefix grows from one of
            // the last two rows (a transposition reaches back two).
            var withinHere = Minimum(depth) <= limit;
            foreach (var child in node.Children)
            {
                if (FillRow(depth + 1, child.Char, previousChar) <= limit || withinHere)
                {
                    Visit(child, depth + 1, child.Char);
                }
            }
        }

        /// <summary>The distance of the name to the candidate of this length followed by the suffix.</summary>
        private int Distance(int depth, char previousChar)
        {
            Row(depth);
            var last = depth;
            foreach (var ch in suffix)
            {
                var minimum = FillRow(last + 1, ch, previousChar);
                if (minimum > limit && Minimum(last) > limit)
                {
                    return limit + 1;
                }

                previousChar = ch;
                last++;
            }

            return Row(last)[name.Length];
        }

        /// <summary>Computes row <paramref name="depth"/> for a prefix ending in <paramref name="ch"/>; returns its minimum.</summary>
        private int FillRow(int depth, char ch, char previousChar)
        {
            var row = Row(depth);
            var above = Row(depth - 1);
            var twoAbove = depth >= 2 ? Row(depth - 2) : null;
            row[0] = depth;
            var minimum = depth;
            for (var j = 1; j <= name.Length; j++)
            {
                var cost = name[j - 1] == ch ? 0 : 1;
                var value = Math.Min(Math.Min(row[j - 1] + 1, above[j] + 1), above[j - 1] + cost);
                if (twoAbove is not null && j > 1 && name[j - 2] == ch && name[j - 1] == previousChar)
                {
                    value = Math.Min(value, twoAbove[j - 2] + 1);
                }

                row[j] = value;
                minimum = Math.Min(minimum, value);
            }

            return minimum;
        }

        private int Minimum(int depth)
        {
            var minimum = int.MaxValue;
            foreach (var value in Row(depth))
            {
                minimum = Math.Min(minimum, value);
            }

            return minimum;
        }

        private int[] Row(int depth)
        {
            while (_rows.Count <= depth)
            {
                var row = new int[name.Length + 1];
                if (_rows.Count == 0)
                {
                    for (var j = 0; j <= name.Length; j++)
                    {
                        row[j] = j;
                    }
                }

                _rows.Add(row);
            }

            return _rows[depth];
        }
    }
}
