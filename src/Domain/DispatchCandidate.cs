namespace Gongzhi.Domain;

/// <summary>A cadre as dispatch weighs them.</summary>
public sealed record DispatchCandidate(
    string Id,
    IReadOnlyCollection<string> Categories,
    bool OnDuty,
    int Load,
    DateTimeOffset? LastAssignedAt);
