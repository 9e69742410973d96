using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Parser.Parsing;

/// <summary>Entry point: parses one source file into a <see cref="SyntaxTree"/>. Never throws on bad input.</summary>
public static class AlloyParser
{
    public static SyntaxTree Parse(SourceText source) => throw new NotImplementedException();
}
