namespace AlloyLint.Cli;

/// <summary>The rules-docs pages, embedded into the assembly at build time (no file access, AOT-safe).</summary>
internal static class RuleDocs
{
    /// <summary>The Markdown page of <paramref name="ruleId"/>, or null when the build has none.</summary>
    public static string? Page(string ruleId)
    {
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream($"rules-docs/{ruleId}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>The first paragraph of the page's "What it does" section, or null.</summary>
    public static string? WhatItDoes(string page)
    {
        var lines = page.Split('\n');
        var start = Array.FindIndex(lines, line => line.StartsWith("## What it does", StringComparison.OrdinalIgnoreCase));
        if (start < 0)
        {
            return null;
        }

        var paragraph = lines.Skip(start + 1).SkipWhile(string.IsNullOrWhiteSpace).TakeWhile(line => !string.IsNullOrWhiteSpace(line) && !line.StartsWith('#'));
        var text = string.Join(' ', paragraph.Select(line => line.Trim()));
        return text.Length == 0 ? null : text;
    }
}
