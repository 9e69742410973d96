using System.Collections.Immutable;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Text;

namespace AlloyLint.Parser.Tree;

/// <summary>
/// The parse of one file: its root body, every comment in source order, and the syntax diagnostics
/// (rule AL001) in upstream's emission order. When <see cref="HasErrors"/> is true the tree holds what
/// could be recovered and must not be formatted or fixed.
/// </summary>
public sealed class SyntaxTree(SourceText source, Body root, ImmutableArray<Comment> comments, ImmutableArray<Diagnostic> diagnostics)
{
    public SourceText Source { get; } = source;

    public Body Root { get; } = root;

    public ImmutableArray<Comment> Comments { get; } = comments;

    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;

    public bool HasErrors => !Diagnostics.IsEmpty;
}
