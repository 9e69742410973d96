using System.Globalization;
using AlloyLint.Parser.Lexing;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Fixes;

/// <summary>Alloy source text for values that fixes write: quoted strings and numbers.</summary>
public static class AlloyCode
{
    /// <summary>A double-quoted Alloy string literal for <paramref name="value"/>, escaped as Go's <c>%q</c> does.</summary>
    public static string String(string value) => AlloyStrings.Quote(value);

    /// <summary>A number literal: the shortest text that reads back as <paramref name="value"/> ("0.1", "1", "0.25").</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// How people write a duration: whole minutes from two minutes up as "5m", whole seconds as "60s" (the style of
    /// Grafana's snippets), whole milliseconds as "500ms", anything else in Go's canonical form.
    /// </summary>
    public static string Duration(GoDuration duration)
    {
        const long Millisecond = 1_000_000;
        const long Second = 1_000 * Millisecond;
        const long Minute = 60 * Second;
        var nanoseconds = duration.Nanoseconds;
        return nanoseconds switch
        {
            0 => "0s",
            _ when nanoseconds % Minute == 0 && nanoseconds >= 2 * Minute => $"{nanoseconds / Minute}m",
            _ when nanoseconds % Second == 0 => $"{nanoseconds / Second}s",
            _ when nanoseconds % Millisecond == 0 => $"{nanoseconds / Millisecond}ms",
            _ => duration.ToString(),
        };
    }

    /// <summary>A call reading an environment variable: <c>sys.env("NAME")</c>.</summary>
    public static string EnvironmentRead(string variable) => $"sys.env({String(variable)})";
}
