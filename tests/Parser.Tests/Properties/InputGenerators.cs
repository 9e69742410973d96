using System.Text;
using AlloyLint.TestSupport;
using FsCheck;
using FsCheck.Fluent;

namespace AlloyLint.Parser.Tests.Properties;

/// <summary>FsCheck generators of Alloy-ish text: token soup, mutations of real configs, and well-formed configs.</summary>
internal static class InputGenerators
{
    /// <summary>Every kind of lexeme, valid or not, including broken strings and comments and stray bytes.</summary>
    private static readonly string[] Lexemes =
    [
        "prometheus.scrape", "\"default\"", "loki", "targets", "forward_to", "true", "false", "null", "sys.env", "a", "_x9", "é",
        "{", "}", "[", "]", "(", ")", "=", ",", ".", ";", ":", "!", "-", "+", "*", "/", "%", "^",
        "==", "!=", "<", "<=", ">", ">=", "&&", "||",
        "0", "42", "1.5", "1e9", "0x1F", "1.", ".5", "1e", "\"s\\n\"", "\"\\u00e9\"", "\"unterminated", "\"bad\\q\"",
        "`raw`", "`unterminated raw", "// line comment", "/* block */", "/* unterminated", "#", "@", "$", "~", "?",
        "\n", "\r\n", "\t", " ", "\0", "\uFFFD", "\u2028", "😀",
    ];

    public static Gen<string> TokenSoup { get; } =
        Gen.Elements(Lexemes)
            .Zip(Gen.Elements(" ", "", "\n", "  "), (lexeme, space) => lexeme + space)
            .ListOf()
            .Select(parts => string.Concat(parts));

    /// <summary>Seed configs that always exist: a built-in one and the repository's examples.</summary>
    public static IReadOnlyList<string> RepositorySeeds { get; } = LoadRepositorySeeds();

    /// <summary>The real-world corpus under ../shared/conformance/corpus; skips the calling test when it is absent.</summary>
    public static IReadOnlyList<string> CorpusSeeds() =>
        [.. Directory.GetFiles(SharedData.ConformancePath("corpus"), "*.alloy", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    /// <summary>One to four random edits (delete, insert a lexeme, duplicate, truncate, swap) of one of the seeds.</summary>
    public static Gen<string> Mutated(IReadOnlyList<string> seeds) =>
        Gen.Elements(seeds.ToArray())
            .SelectMany(seed => Gen.Choose(1, 4).SelectMany(count => Mutation.ListOf(count).Select(steps => (seed, steps))))
            .Select(pair => pair.steps.Aggregate(pair.seed, (text, step) => step(text)));

    /// <summary>Configs that are syntactically valid by construction: nested blocks, attributes and every expression form.</summary>
    public static Gen<string> WellFormedConfig { get; } = Body(3).Select(body => body + "\n");

    private static Gen<Func<string, string>> Mutation { get; } =
        Gen.OneOf(
            Gen.Choose(0, 1_000_000).Zip(Gen.Choose(1, 40), (at, length) => (Func<string, string>)(text => Delete(text, at, length))),
            Gen.Choose(0, 1_000_000).Zip(Gen.Elements(Lexemes), (at, lexeme) => (Func<string, string>)(text => Insert(text, at, lexeme))),
            Gen.Choose(0, 1_000_000).Zip(Gen.Choose(1, 80), (at, length) => (Func<string, string>)(text => Duplicate(text, at, length))),
            Gen.Choose(0, 1_000_000).Select(at => (Func<string, string>)(text => text[..Position(text, at)])),
            Gen.Choose(0, 1_000_000).Zip(Gen.Choose(0, 1_000_000), (a, b) => (Func<string, string>)(text => Swap(text, a, b))));

    private static int Position(string text, int random) => text.Length == 0 ? 0 : random % (text.Length + 1);

    private static string Delete(string text, int at, int length)
    {
        var start = Position(text, at);
        return text.Remove(start, Math.Min(length, text.Length - start));
    }

    private static string Insert(string text, int at, string lexeme) => text.Insert(Position(text, at), lexeme);

    private static string Duplicate(string text, int at, int length)
    {
        var start = Position(text, at);
        var piece = text.Substring(start, Math.Min(length, text.Length - start));
        return text.Insert(start, piece);
    }

    private static string Swap(string text, int a, int b)
    {
        if (text.Length < 2)
        {
            return text;
        }

        var chars = text.ToCharArray();
        var (i, j) = (a % chars.Length, b % chars.Length);
        (chars[i], chars[j]) = (chars[j], chars[i]);
        return new string(chars);
    }

    private static Gen<string> Identifier { get; } = Gen.Elements("a", "b", "targets", "forward_to", "job_name", "x_1", "url", "value");

    private static Gen<string> Body(int depth) =>
        Gen.Choose(0, 4).SelectMany(count => Statement(depth).ListOf(count)).Select(statements => string.Join("\n", statements));

    private static Gen<string> Statement(int depth)
    {
        var attribute = Identifier.Zip(Expression(2), (name, value) => $"{name} = {value}");
        if (depth == 0)
        {
            return attribute;
        }

        var block = Gen.Elements("prometheus.scrape", "logging", "loki.write", "endpoint", "rule")
            .Zip(Gen.Elements("", " \"default\"", " \"a_b\""), (name, label) => name + label)
            .Zip(Body(depth - 1), (head, body) => $"{head} {{\n{body}\n}}");
        var comment = Gen.Elements("// note", "/* block */");
        return Gen.Frequency((4, attribute), (2, block), (1, comment));
    }

    private static Gen<string> Expression(int depth)
    {
        var leaf = Gen.OneOf(
            Gen.Elements("1", "0.5", "1e3", "true", "false", "null", "\"text\"", "\"esc\\t\\\"q\\\"\"", "`raw\\n`", "\"\""),
            Identifier,
            Identifier.Zip(Identifier, (a, b) => $"{a}.{b}"));
        if (depth == 0)
        {
            return leaf;
        }

        var inner = Expression(depth - 1);
        return Gen.Frequency(
            (4, leaf),
            (1, inner.ListOf().Select(items => $"[{string.Join(", ", items.Take(4))}]")),
            (1, Identifier.Zip(inner, (key, value) => $"{{ {key} = {value} }}")),
            (1, inner.Zip(inner, (a, b) => (a, b)).Zip(Gen.Elements("+", "-", "*", "/", "%", "^", "==", "!=", "<", ">=", "&&", "||"), (pair, op) => $"{pair.a} {op} {pair.b}")),
            (1, inner.Select(value => $"!({value})")),
            (1, inner.Select(value => $"-({value})")),
            (1, inner.Select(value => $"({value})")),
            (1, inner.ListOf().Select(items => $"concat({string.Join(", ", items.Take(3))})")),
            (1, inner.Zip(inner, (a, b) => $"{a}[{b}]")));
    }

    private static List<string> LoadRepositorySeeds()
    {
        var seeds = new List<string>
        {
            "logging {\n\tlevel = \"info\"\n}\n\nprometheus.scrape \"default\" {\n\ttargets = [{ \"__address__\" = \"localhost:9090\" }]\n\tforward_to = [prometheus.remote_write.default.receiver]\n}\n",
        };
        var examples = Path.Combine(SharedData.RepoRoot, "examples");
        seeds.AddRange(Directory.GetFiles(examples, "*.alloy", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText));
        return seeds;
    }

    public static string Describe(string input) =>
        input.Length <= 400 ? Encoding.UTF8.GetByteCount(input) + " bytes: " + input : $"{input.Length} chars starting: {input[..400]}";
}
