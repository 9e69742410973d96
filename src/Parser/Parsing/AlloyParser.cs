using System.Buffers;
using System.Collections.Immutable;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Lexing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Parser.Parsing;

/// <summary>An expression parsed on its own, with its syntax errors.</summary>
public sealed record ExpressionParse(Expression Expression, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => !Diagnostics.IsEmpty;
}

/// <summary>Entry point: parses one source file into a <see cref="SyntaxTree"/>. Never throws on bad input.</summary>
public static class AlloyParser
{
    /// <summary>The rule ID of every syntax error.</summary>
    public const string SyntaxErrorCode = "AL001";

    /// <summary>How deeply blocks, brackets and operators may nest before the parse is abandoned with a diagnostic.</summary>
    public const int MaxNestingDepth = 1000;

    /// <summary>Parses a file: the tree with every comment, and the syntax errors (AL001) in upstream's order.</summary>
    public static SyntaxTree Parse(SourceText source)
    {
        // The token array lives only during the parse: rent it, so parsing many or large files reuses one buffer.
        var tokens = AlloyTokenizer.Instance.Scan(source, ArrayPool<RawToken>.Shared.Rent(EstimatedTokenCount(source)));
        try
        {
            var parser = new SyntaxParser(source, tokens);
            var root = parser.ParseFile();
            return new SyntaxTree(source, root, tokens.Comments, parser.Diagnostics, tokens.CommentGroupStarts);
        }
        finally
        {
            ArrayPool<RawToken>.Shared.Return(tokens.Raw);
        }
    }

    /// <summary>Configs average about one token per five characters; the buffer grows if a file has more.</summary>
    private static int EstimatedTokenCount(SourceText source) => Math.Max(16, source.Length / 4);

    /// <summary>Parses one expression that must be followed by the end of its line, as upstream's <c>ParseExpression</c>.</summary>
    public static ExpressionParse ParseExpression(SourceText source)
    {
        var tokens = AlloyTokenizer.Instance.Scan(source);
        var parser = new SyntaxParser(source, tokens);
        var expression = parser.ParseStandaloneExpression();
        return new ExpressionParse(expression, parser.Diagnostics);
    }
}
