using Gongzhi.Time;

namespace Gongzhi.Silo.Domain;

/// <summary>The little a duplicate check needs to know about an open case: what it is about, where, and when it came in.</summary>
/// <remarks>A community holds one per open case, so the instant is packed (<see cref="PackedTime"/>); the JSON is as before.</remarks>
public sealed record OpenCaseEntry
{
    private readonly long _submittedAt;

    public OpenCaseEntry(string caseId, string category, string compound, string? building, DateTimeOffset submittedAt)
    {
        CaseId = caseId;
        Category = category;
        Compound = compound;
        Building = building;
        SubmittedAt = submittedAt;
    }

    public string CaseId { get; init; }

    public string Category { get; init; }

    public string Compound { get; init; }

    public string? Building { get; init; }

    public DateTimeOffset SubmittedAt { get => PackedTime.UnpackRequired(_submittedAt); init => _submittedAt = PackedTime.Pack(value); }
}
