namespace Gongzhi.Cases;

/// <summary>One change of a case as pushed to boards, cadres, officials at its level and the residents following it.</summary>
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
    [property: Id(8)] DateTimeOffset At)
{
    [Id(9)]
    public CaseLevel Level { get; init; }

    [Id(10)]
    public string LevelOwnerId { get; init; } = CommunityId;

    [Id(11)]
    public CaseDeadlines Deadlines { get; init; } = CaseDeadlines.None;

    /// <summary>Merged cases whose reporters follow this one and get its pushes too.</summary>
    [Id(12)]
    public IReadOnlyList<string> Followers { get; init; } = [];

    /// <summary>A cadre who just lost the case (declined, timed out, reassigned), so their phone hears of it too.</summary>
    [Id(13)]
    public string? PreviousAssigneeId { get; init; }

    /// <summary>The level owner the case just left (escalated or handed back), so that level's board hears it go.</summary>
    [Id(14)]
    public string? FormerLevelOwnerId { get; init; }
}
