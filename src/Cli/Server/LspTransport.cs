using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AlloyLint.Cli.Server;

/// <summary>
/// JSON-RPC messages framed as the Language Server Protocol frames them: a <c>Content-Length</c> header (and maybe a
/// <c>Content-Type</c>), a blank line, then that many bytes of UTF-8 JSON.
/// </summary>
internal sealed class LspTransport(Stream input, TextWriter output)
{
    private const int MaxHeaderLength = 4096;

    /// <summary>Far above any document an editor holds: a larger length is a broken header, not a message to allocate.</summary>
    private const int MaxBodyLength = 512 * 1024 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The next message's body; null at the end of the input.</summary>
    /// <exception cref="InvalidDataException">The header is not a valid LSP header.</exception>
    public byte[]? Read()
    {
        int? length = null;
        while (ReadHeaderLine() is { } line)
        {
            if (line.Length == 0)
            {
                if (length is not { } bodyLength)
                {
                    throw new InvalidDataException("a message header has no Content-Length");
                }

                var body = new byte[bodyLength];
                input.ReadExactly(body);
                return body;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = int.TryParse(line[(colon + 1)..].Trim(), out var parsed) && parsed is >= 0 and <= MaxBodyLength
                    ? parsed
                    : throw new InvalidDataException($"invalid Content-Length header: '{line}'");
            }
        }

        return length is null ? null : throw new EndOfStreamException("the input ended inside a message header");
    }

    /// <summary>Writes one message: <c>"jsonrpc": "2.0"</c> and what <paramref name="writeMembers"/> adds to the object.</summary>
    public void Write(Action<Utf8JsonWriter> writeMembers)
    {
        var body = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(body, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc", "2.0");
            writeMembers(json);
            json.WriteEndObject();
        }

        output.Write($"Content-Length: {body.WrittenCount}\r\n\r\n");
        output.Write(Encoding.UTF8.GetString(body.WrittenSpan));
        output.Flush();
    }

    /// <summary>One header line without its "\r\n"; null at the end of the input before any byte of it.</summary>
    private string? ReadHeaderLine()
    {
        var line = new StringBuilder();
        while (true)
        {
            var next = input.ReadByte();
            if (next < 0)
            {
                return line.Length == 0 ? null : throw new EndOfStreamException("the input ended inside a message header");
            }

            if (next == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            if (line.Length >= MaxHeaderLength)
            {
                throw new InvalidDataException($"a message header line is longer than {MaxHeaderLength} bytes");
            }

            line.Append((char)next);
        }
    }
}
