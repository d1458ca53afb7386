using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongzhi.Silo.Storage;

/// <summary>
/// The chunks a main row lists, oldest first, and from which chunk on they are kept in shared partitions
/// (<see cref="SharedFrom"/>: chunk ids only grow, so one mark says where each chunk is).
/// </summary>
/// <remarks>
/// Stored as a plain array of ids while no chunk is shared, byte for byte as every row before shared chunks; once one
/// is, as an object (<c>{"ids":[…],"sharedFrom":n}</c>) that silos from before cannot read. Such a silo, during a
/// rolling upgrade, fails to activate the grain (and the call with it, which its caller retries) instead of loading it
/// without the chunks it cannot find: D16-shared-chunks in docs/architecture.md.
/// </remarks>
[JsonConverter(typeof(ChunkListJson))]
public sealed class ChunkList : List<int>
{
    /// <summary>The first chunk kept in shared partitions, it and every later one; null while none is.</summary>
    public int? SharedFrom { get; set; }

    public bool IsShared(int chunk) => SharedFrom is { } from && chunk >= from;
}

/// <summary>Reads both shapes of <see cref="ChunkList"/> and writes the array while it can.</summary>
internal sealed class ChunkListJson : JsonConverter<ChunkList>
{
    private const string Ids = "ids", SharedFrom = "sharedFrom";

    public override ChunkList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var list = new ChunkList();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            ReadIds(ref reader, list);
            return list;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A chunk list is an array or an object, not {reader.TokenType}.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case Ids:
                    ReadIds(ref reader, list);
                    break;
                case SharedFrom:
                    list.SharedFrom = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, ChunkList value, JsonSerializerOptions options)
    {
        if (value.SharedFrom is not { } from)
        {
            WriteIds(writer, value);
            return;
        }

        writer.WriteStartObject();
        writer.WritePropertyName(Ids);
        WriteIds(writer, value);
        writer.WriteNumber(SharedFrom, from);
        writer.WriteEndObject();
    }

    private static void ReadIds(ref Utf8JsonReader reader, ChunkList list)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"A chunk list's ids are an array, not {reader.TokenType}.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(reader.GetInt32());
        }
    }

    private static void WriteIds(Utf8JsonWriter writer, ChunkList ids)
    {
        writer.WriteStartArray();
        foreach (var id in ids)
        {
            writer.WriteNumberValue(id);
        }

        writer.WriteEndArray();
    }
}
