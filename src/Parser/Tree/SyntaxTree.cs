using System.Collections.Immutable;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Text;

namespace AlloyLint.Parser.Tree;

/// <summary>
/// The parse of one file: its root body, every comment in source order, and the syntax diagnostics
/// (rule AL001) in upstream's emission order. When <see cref="HasErrors"/> is true the tree holds what
/// could be recovered and must not be formatted or fixed.
/// </summary>
/// <param name="commentGroupStarts">Indexes into <paramref name="comments"/> where comment groups start (default: one group per comment).</param>
public sealed class SyntaxTree(
    SourceText source,
    Body root,
    ImmutableArray<Comment> comments,
    ImmutableArray<Diagnostic> diagnostics,
    ImmutableArray<int> commentGroupStarts = default)
{
    private ImmutableArray<ImmutableArray<Comment>> _commentGroups;

    public SourceText Source { get; } = source;

    public Body Root { get; } = root;

    public ImmutableArray<Comment> Comments { get; } = comments;

    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;

    public bool HasErrors => !Diagnostics.IsEmpty;

    /// <summary>The first comment that starts in [<paramref name="start"/>, <paramref name="end"/>), found by binary search; null when none does.</summary>
    public Comment? FirstCommentStartingIn(int start, int end)
    {
        var (low, high) = (0, Comments.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Comments[middle].Span.Start < start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low < Comments.Length && Comments[low].Span.Start < end ? Comments[low] : null;
    }

    /// <summary>
    /// The comments grouped as upstream's parser groups them: adjacent comments with no token between them, each
    /// starting at most one line below the end of the previous one. A blank line starts a new group.
    /// </summary>
    public ImmutableArray<ImmutableArray<Comment>> CommentGroups
    {
        get
        {
            if (_commentGroups.IsDefault)
            {
                var starts = commentGroupStarts.IsDefault ? [.. Enumerable.Range(0, Comments.Length)] : commentGroupStarts;
                var groups = ImmutableArray.CreateBuilder<ImmutableArray<Comment>>(starts.Length);
                for (var i = 0; i < starts.Length; i++)
                {
                    var end = i + 1 < starts.Length ? starts[i + 1] : Comments.Length;
                    groups.Add(Comments[starts[i]..end]);
                }

                _commentGroups = groups.MoveToImmutable();
            }

            return _commentGroups;
        }
    }
}
