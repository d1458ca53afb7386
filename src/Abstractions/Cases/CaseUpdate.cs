namespace Gongzhi.Cases;

/// <summary>One change of a case as pushed to boards, cadres and the resident.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CaseUpdate")]
public sealed record CaseUpdate(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string CommunityId,
    [property: Id(2)] int Seq,
    [property: Id(3)] CaseStatus Status,
    [property: Id(4)] HandlingMode Mode,
    [property: Id(5)] string? AssigneeId,
    [property: Id(6)] string? Assignee,
    [property: Id(7)] CaseEvent Event,
    [property: Id(8)] DateTimeOffset At);
