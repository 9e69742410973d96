using System.Text.Json.Nodes;

namespace AlloyLint.Parser.Tests.Support;

internal static class Json
{
    public static JsonNode Load(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    /// <summary>A Go string from the tables: a JSON string, or <c>{invalid_utf8_bytes_hex}</c> for bytes that are not UTF-8.</summary>
    public static byte[] GoBytes(JsonNode node) => node is JsonObject obj
        ? Convert.FromHexString((string)obj["invalid_utf8_bytes_hex"]!)
        : System.Text.Encoding.UTF8.GetBytes((string)node!);
}
