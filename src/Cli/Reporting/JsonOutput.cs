using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlloyLint.Cli.Reporting;

internal static class JsonOutput
{
    /// <summary>
    /// Indented camelCase JSON that keeps quotes and non-ASCII text readable: the output is a file or a pipe,
    /// never embedded in HTML. Used with the source-generated contexts, so no reflection is involved.
    /// </summary>
    public static JsonSerializerOptions Options(JsonIgnoreCondition ignore) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = ignore,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };
}
