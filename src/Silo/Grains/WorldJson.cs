using System.Text.Json;

namespace Gongzhi.Silo.Grains;

/// <summary>Whether two descriptions say the same: records holding lists compare their lists by reference, JSON by content.</summary>
internal static class WorldJson
{
    public static bool Same<T>(T a, T b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);
}
