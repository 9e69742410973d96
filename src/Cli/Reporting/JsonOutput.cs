using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlloyLint.Cli.Reporting;

/// <summary>
/// Indented camelCase JSON that keeps quotes and non-ASCII text readable: the output is a file or a pipe, never
/// embedded in HTML. Used with the source-generated contexts, so no reflection is involved.
/// </summary>
internal static class JsonOutput
{
    private const string NewLine = "\n";

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private const int FlushThreshold = 16 * 1024;

    public static JsonSerializerOptions Options(JsonIgnoreCondition ignore) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = ignore,
        Encoder = Encoder,
        NewLine = NewLine,
    };

    /// <summary>The same layout for a report written with a <see cref="Utf8JsonWriter"/>, straight to its output.</summary>
    public static Utf8JsonWriter Writer(TextWriter output) =>
        new(new TextWriterStream(output), new JsonWriterOptions { Indented = true, Encoder = Encoder, NewLine = NewLine });

    /// <summary>Hands what <paramref name="json"/> holds to its output once it is more than a few kilobytes.</summary>
    public static void FlushIfFull(Utf8JsonWriter json)
    {
        if (json.BytesPending > FlushThreshold)
        {
            json.Flush();
        }
    }
}
