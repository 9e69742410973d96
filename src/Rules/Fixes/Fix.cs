using System.Collections.Immutable;

namespace AlloyLint.Rules.Fixes;

/// <summary>A fix is data: a title, its applicability and non-overlapping edits on the original source of one file.</summary>
public sealed record Fix(string Title, Applicability Applicability, ImmutableArray<TextEdit> Edits)
{
    public static Fix Safe(string title, params TextEdit[] edits) => new(title, Applicability.Safe, [.. edits]);

    public static Fix Unsafe(string title, params TextEdit[] edits) => new(title, Applicability.Unsafe, [.. edits]);
}
