using System.Collections.Immutable;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Engine;

public enum SuppressionKind
{
    /// <summary><c>// alloylint-disable-line IDs</c>: findings starting on the comment's line.</summary>
    Line,

    /// <summary><c>// alloylint-disable-next-line IDs</c>: findings starting on the line after the comment.</summary>
    NextLine,

    /// <summary><c>// alloylint-disable-file IDs</c>: findings anywhere in the file.</summary>
    File,
}

/// <summary>One rule ID (or name, or <c>all</c>) written in a directive, with its span in the file.</summary>
public sealed record SuppressionCode(string Text, TextSpan Span)
{
    public bool IsAll => Text.Equals("all", StringComparison.OrdinalIgnoreCase);

    public bool Matches(RuleMetadata rule) =>
        IsAll || Text.Equals(rule.Id, StringComparison.OrdinalIgnoreCase) || Text.Equals(rule.Name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A suppression comment: <c>// alloylint-disable-next-line AL203, AL204 -- reason</c>. IDs are separated by commas
/// and/or spaces; rule names and <c>all</c> are accepted; everything after <c>--</c> is the reason.
/// </summary>
public sealed class SuppressionDirective
{
    private const string Marker = "alloylint-disable";

    private SuppressionDirective(SyntaxTree tree, Comment comment, SuppressionKind kind, ImmutableArray<SuppressionCode> codes, TextSpan codesSpan, string? reason)
    {
        Tree = tree;
        Comment = comment;
        Kind = kind;
        Codes = codes;
        CodesSpan = codesSpan;
        Reason = reason;
        var lines = tree.Source.Lines;
        TargetLine = kind == SuppressionKind.NextLine ? lines.GetLine(comment.Span.End) + 1 : lines.GetLine(comment.Span.Start);
    }

    public SyntaxTree Tree { get; }

    public Comment Comment { get; }

    public SuppressionKind Kind { get; }

    public ImmutableArray<SuppressionCode> Codes { get; }

    /// <summary>From the first code to the end of the last (empty, after the keyword, when there is none).</summary>
    public TextSpan CodesSpan { get; }

    public string? Reason { get; }

    /// <summary>The 1-based line a line or next-line directive applies to.</summary>
    public int TargetLine { get; }

    /// <summary>Reads every directive in the comments of <paramref name="tree"/>.</summary>
    public static List<SuppressionDirective> Parse(SyntaxTree tree)
    {
        var directives = new List<SuppressionDirective>();
        var written = new char[64];
        foreach (var comment in tree.Comments)
        {
            // The comment as written, carriage returns included, read without making a string.
            if (TryParse(tree, comment, tree.Source.Read(comment.Span, ref written)) is { } directive)
            {
                directives.Add(directive);
            }
        }

        return directives;
    }

    private static SuppressionDirective? TryParse(SyntaxTree tree, Comment comment, ReadOnlySpan<char> raw)
    {
        var contentStart = 2;
        var contentEnd = comment.Kind == CommentKind.Block && raw.EndsWith("*/", StringComparison.Ordinal) ? raw.Length - 2 : raw.Length;
        var content = raw[contentStart..contentEnd];
        var leading = content.Length - content.TrimStart().Length;
        content = content.TrimStart();
        if (!content.StartsWith(Marker, StringComparison.Ordinal))
        {
            return null;
        }

        var afterMarker = content[Marker.Length..];
        SuppressionKind kind;
        string keyword;
        if (IsKeyword(afterMarker, "-next-line"))
        {
            (kind, keyword) = (SuppressionKind.NextLine, "-next-line");
        }
        else if (IsKeyword(afterMarker, "-line"))
        {
            (kind, keyword) = (SuppressionKind.Line, "-line");
        }
        else if (IsKeyword(afterMarker, "-file"))
        {
            (kind, keyword) = (SuppressionKind.File, "-file");
        }
        else
        {
            return null;
        }

        var listStart = contentStart + leading + Marker.Length + keyword.Length;
        var rest = raw[listStart..contentEnd];
        string? reason = null;
        var reasonIndex = rest.IndexOf("--", StringComparison.Ordinal);
        if (reasonIndex >= 0)
        {
            reason = rest[(reasonIndex + 2)..].Trim().ToString();
            rest = rest[..reasonIndex];
        }

        var codes = ImmutableArray.CreateBuilder<SuppressionCode>();
        var i = 0;
        while (i < rest.Length)
        {
            if (rest[i] == ',' || char.IsWhiteSpace(rest[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < rest.Length && rest[i] != ',' && !char.IsWhiteSpace(rest[i]))
            {
                i++;
            }

            codes.Add(new SuppressionCode(rest[start..i].ToString(), new TextSpan(comment.Span.Start + listStart + start, i - start)));
        }

        var codesSpan = codes.Count == 0
            ? new TextSpan(comment.Span.Start + listStart, 0)
            : TextSpan.FromBounds(codes[0].Span.Start, codes[^1].Span.End);
        return new SuppressionDirective(tree, comment, kind, codes.ToImmutable(), codesSpan, string.IsNullOrEmpty(reason) ? null : reason);
    }

    private static bool IsKeyword(ReadOnlySpan<char> text, string keyword) =>
        text.StartsWith(keyword, StringComparison.Ordinal) && (text.Length == keyword.Length || char.IsWhiteSpace(text[keyword.Length]));
}

/// <summary>
/// The directives of the requested files and which of their codes suppressed a finding. The linter fills it;
/// AL901 reads it to find the codes that suppressed nothing.
/// </summary>
internal sealed class SuppressionIndex
{
    private readonly Dictionary<SourceText, FileDirectives> _byFile = [];

    // By reference: two files can hold the same code at the same place.
    private readonly HashSet<SuppressionCode> _used = new(ReferenceEqualityComparer.Instance);

    private readonly IReadOnlyList<RuleMetadata> _known;
    private readonly HashSet<RuleMetadata> _ran;

    public SuppressionIndex(IEnumerable<SyntaxTree> trees, IReadOnlyList<RuleMetadata> known, IEnumerable<RuleMetadata> ran)
    {
        _known = known;
        _ran = [.. ran];
        foreach (var tree in trees)
        {
            _byFile[tree.Source] = new FileDirectives([.. SuppressionDirective.Parse(tree)]);
        }
    }

    /// <summary>Whether <paramref name="code"/> can be judged unused: it names a rule that ran (or is 'all' and some rule ran), or names no rule at all.</summary>
    public bool IsJudged(SuppressionCode code) =>
        code.IsAll ? _ran.Count > 0 : FindRule(code) is not { } rule || _ran.Contains(rule);

    /// <summary>The rule a code names, or null when it names none (or is 'all').</summary>
    public RuleMetadata? FindRule(SuppressionCode code) => code.IsAll ? null : _known.FirstOrDefault(code.Matches);

    public IEnumerable<SuppressionDirective> Directives => _byFile.Values.SelectMany(file => file.All);

    public bool IsUsed(SuppressionCode code) => _used.Contains(code);

    /// <summary>True when a directive covers the finding; the covering codes are then marked used.</summary>
    public bool Suppress(LintDiagnostic diagnostic, bool markUsed = true)
    {
        if (!_byFile.TryGetValue(diagnostic.Source, out var file))
        {
            return false;
        }

        var suppressed = Covers(file.FileWide, diagnostic.Rule, markUsed);
        if (file.ByTargetLine.Count > 0
            && file.ByTargetLine.TryGetValue(diagnostic.Source.Lines.GetLine(diagnostic.Span.Start), out var onLine))
        {
            suppressed |= Covers(onLine, diagnostic.Rule, markUsed);
        }

        return suppressed;
    }

    private bool Covers(List<SuppressionDirective> directives, RuleMetadata rule, bool markUsed)
    {
        var covered = false;
        foreach (var directive in directives)
        {
            foreach (var code in directive.Codes)
            {
                if (code.Matches(rule))
                {
                    covered = true;
                    if (markUsed)
                    {
                        _used.Add(code);
                    }
                }
            }
        }

        return covered;
    }

    /// <summary>A file's directives: all in source order, the file-wide ones, and the others by the line they apply to.</summary>
    private sealed class FileDirectives
    {
        public FileDirectives(List<SuppressionDirective> all)
        {
            All = all;
            foreach (var directive in all)
            {
                if (directive.Kind == SuppressionKind.File)
                {
                    FileWide.Add(directive);
                }
                else if (ByTargetLine.TryGetValue(directive.TargetLine, out var onLine))
                {
                    onLine.Add(directive);
                }
                else
                {
                    ByTargetLine[directive.TargetLine] = [directive];
                }
            }
        }

        public List<SuppressionDirective> All { get; }

        public List<SuppressionDirective> FileWide { get; } = [];

        public Dictionary<int, List<SuppressionDirective>> ByTargetLine { get; } = [];
    }
}
