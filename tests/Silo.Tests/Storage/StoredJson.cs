using System.Text;
using System.Text.Json.Nodes;
using Gongzhi.Silo.Extensions;
using Orleans.Storage;

namespace Gongzhi.Silo.Tests.Storage;

/// <summary>State as the silo's grain storage writes it into a row (<see cref="SiloExtensions.CreateStateSerializer"/>).</summary>
internal static class StoredJson
{
    public static readonly IGrainStorageSerializer Serializer = SiloExtensions.CreateStateSerializer();

    /// <summary>The state written and read back, as a reactivated grain finds it.</summary>
    public static T RoundTrip<T>(T state) => Serializer.Deserialize<T>(Serializer.Serialize(state))!;

    /// <summary>The JSON a row would hold.</summary>
    public static JsonNode Write<T>(T state) => JsonNode.Parse(Serializer.Serialize(state).ToString())!;

    /// <summary>The state a row holding <paramref name="json"/> reads as.</summary>
    public static T Read<T>(string json) => Serializer.Deserialize<T>(new BinaryData(Encoding.UTF8.GetBytes(json)))!;
}
