using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gongzhi.Gateway.Open311;

/// <summary>
/// GeoReport v2's JSON: the root list is an array (services, service_requests, errors), the root object an object
/// (service_definition, discovery); inner lists are arrays of their items. Chinese is written as it is, in UTF-8.
/// </summary>
public static class Open311Json
{
    public const string ContentType = "application/json; charset=utf-8";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Open311Node root)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            WriteValue(writer, root);
        }

        return buffer.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, Open311Node node)
    {
        switch (node.Kind)
        {
            case Open311NodeKind.Text:
                writer.WriteStringValue(node.Value as string ?? "");
                break;
            case Open311NodeKind.Flag:
                writer.WriteBooleanValue((bool)node.Value!);
                break;
            case Open311NodeKind.Number when node.Value is double d:
                writer.WriteNumberValue(d);
                break;
            case Open311NodeKind.Number:
                writer.WriteNullValue();
                break;
            case Open311NodeKind.Object:
                writer.WriteStartObject();
                foreach (var child in node.Children ?? [])
                {
                    writer.WritePropertyName(child.Name);
                    WriteValue(writer, child);
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteStartArray();
                foreach (var item in node.Children ?? [])
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
        }
    }
}
