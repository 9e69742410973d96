using AlloyLint.Parser.Tree;

namespace AlloyLint.Parser.Parsing;

/// <summary>
/// What the parses on one thread reuse from one to the next: the interned strings and the stacks lists are read on.
/// A large file's segments are parses of their own; sharing these, they do not each grow new stacks.
/// </summary>
internal sealed class ParseScratch
{
    public NameTable Names { get; } = new();

    public ScratchStack<Statement> Statements { get; } = new();

    public ScratchStack<Expression> Expressions { get; } = new();

    public ScratchStack<ObjectField> Fields { get; } = new();

    public ScratchStack<Identifier> NameParts { get; } = new();
}
