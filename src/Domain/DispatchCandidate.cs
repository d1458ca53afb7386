namespace Gongzhi.Domain;

/// <summary>A cadre as dispatch weighs them; <see cref="ShiftEndsAt"/> is when their shift ends (null: off shift, or not asked for).</summary>
public sealed record DispatchCandidate(
    string Id,
    IReadOnlyCollection<string> Categories,
    bool OnDuty,
    int Load,
    DateTimeOffset? LastAssignedAt,
    DateTimeOffset? ShiftEndsAt = null);
