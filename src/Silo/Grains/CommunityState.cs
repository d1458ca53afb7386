using System.Text.Json.Serialization;
using Gongzhi.Communities;
using Gongzhi.Domain;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// The main row of a community grain: its description, the roster with duty, and which chunks hold its
/// open cases (see <see cref="CommunityStore"/>). It changes with the roster, not with every case.
/// </summary>
public sealed class CommunityState : IChunkedMain
{
    public CommunityInfo? Info { get; set; }

    public Dictionary<string, CadreSlot> Cadres { get; set; } = [];

    /// <summary>The chunks holding open cases, oldest first; new cases go to the last.</summary>
    public ChunkList Chunks { get; set; } = [];

    public int NextChunk { get; set; }

    /// <summary>The admin's changes (null until the first): once there is one, the seeds no longer change the description or roster.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AdminChanges? Administration { get; set; }

    /// <summary>Cadres an admin took off the roster, so retiring one again is answered as done.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? RetiredCadres { get; set; }
}
