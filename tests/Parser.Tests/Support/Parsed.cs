using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Parsing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Parser.Tests.Support;

internal static class Parsed
{
    public static SyntaxTree Bytes(byte[] bytes) => AlloyParser.Parse(SourceText.Decode(bytes, "input.alloy"));

    public static SyntaxTree Text(string text) => Bytes(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>"line:column message" with upstream's byte column, one per diagnostic.</summary>
    public static string[] UpstreamErrors(SyntaxTree tree) =>
        [.. tree.Diagnostics.Select(d => $"{UpstreamPosition.LineColumn(tree.Source, d.Span.Start)} {d.Message}")];

    /// <summary>"line:column message" with the UTF-16 column.</summary>
    public static string Describe(SourceText source, Diagnostic diagnostic) =>
        $"{source.GetPosition(diagnostic.Span.Start)} {diagnostic.Message}";
}
