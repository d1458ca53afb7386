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

    public string CaseId => Case.CaseId;

    public bool IsWaiting => WaitingPassedOver is not null;
}

/// <summary>One stored chunk of a community's open cases, in the order they came in.</summary>
public sealed class OpenCaseChunk : IChunkRow<OpenCase>
{
    public List<OpenCase> Cases { get; set; } = [];
}
