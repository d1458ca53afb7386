using System.Text.Json.Serialization;
using Gongzhi.Domain;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// An open case as its community keeps it: what duplicate matching needs, who carries it (and since
/// when), or — when nobody eligible was on duty — that it waits, and which cadres passed it over.
/// </summary>
public sealed record OpenCase
{
    public OpenCase(OpenCaseEntry @case, string? assigneeId = null, DateTimeOffset? assignedAt = null, IReadOnlyList<string>? waitingPassedOver = null)
    {
        Case = @case;
        AssigneeId = assigneeId;
        AssignedAt = assignedAt;
        WaitingPassedOver = waitingPassedOver;
    }

    public OpenCaseEntry Case { get; init; }

    public string? AssigneeId { get; init; }

    public DateTimeOffset? AssignedAt { get; init; }

    public IReadOnlyList<string>? WaitingPassedOver { get; init; }

    // Derived, so not stored: a chunk's row carries every open case of it on each rewrite, and these two were an eighth
    // of its bytes under S1 (D16-open-case-trim). Rows stored with them load unchanged: a read skips get-only properties.
    [JsonIgnore]
    public string CaseId => Case.CaseId;

    [JsonIgnore]
    public bool IsWaiting => WaitingPassedOver is not null;
}

/// <summary>One stored chunk of a community's open cases, in the order they came in, and the cases given in it.</summary>
public sealed class OpenCaseChunk : IChunkRow<OpenCase>
{
    public List<OpenCase> Cases { get; set; } = [];

    /// <summary>
    /// The cases given to each cadre while in this chunk, by cadre id (D16-fair-share): stored with the case it counts, and
    /// added to the main row's <see cref="CadreSlot.RecentlyGiven"/> when the chunk is dropped. Null until the first
    /// (left out of the row), so rows stored before it load unchanged.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, AssignmentTally>? Given { get; set; }

    /// <summary>The row to store for <paramref name="data"/> (a chunk's data) and <paramref name="cases"/>: a copy of the tallies, taken now.</summary>
    internal static OpenCaseChunk ToWrite(OpenCaseChunk data, List<OpenCase> cases) => new()
    {
        Cases = cases,
        Given = data.Given?.ToDictionary(g => g.Key, g => g.Value.Copy(), StringComparer.Ordinal),
    };
}
