using Gongzhi.Silo.Domain;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// An open case as its community keeps it: what duplicate matching needs, who carries it (and since
/// when), or — when nobody eligible was on duty — that it waits, and which cadres passed it over.
/// </summary>
public sealed record OpenCase(OpenCaseEntry Case, string? AssigneeId = null, DateTimeOffset? AssignedAt = null, IReadOnlyList<string>? WaitingPassedOver = null)
{
    public string CaseId => Case.CaseId;

    public bool IsWaiting => WaitingPassedOver is not null;
}

/// <summary>One stored chunk of a community's open cases, in the order they came in.</summary>
public sealed class OpenCaseChunk : IChunkRow<OpenCase>
{
    public List<OpenCase> Cases { get; set; } = [];
}
