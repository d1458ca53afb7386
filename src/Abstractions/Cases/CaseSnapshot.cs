namespace Gongzhi.Cases;

/// <summary>The whole of a case as staff see it.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CaseSnapshot")]
public sealed record CaseSnapshot(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string CommunityId,
    [property: Id(2)] CaseKind Kind,
    [property: Id(3)] string Category,
    [property: Id(4)] string Description,
    [property: Id(5)] CaseLocation Location,
    [property: Id(6)] ContactInfo Contact,
    [property: Id(7)] CaseStatus Status,
    [property: Id(8)] HandlingMode Mode,
    [property: Id(9)] string? AssigneeId,
    [property: Id(10)] string? AssigneeName,
    [property: Id(11)] DateTimeOffset SubmittedAt,
    [property: Id(12)] SatisfactionRating? Rating,
    [property: Id(13)] IReadOnlyList<CaseEvent> Timeline)
{
    /// <summary>The rung of the ladder the case is at now.</summary>
    [Id(14)]
    public CaseLevel Level { get; init; }

    /// <summary>Who owns the case at its level: the community, sub-district, department or county id.</summary>
    [Id(15)]
    public string LevelOwnerId { get; init; } = CommunityId;

    [Id(16)]
    public CaseDeadlines Deadlines { get; init; } = CaseDeadlines.None;

    /// <summary>The level the case was (last) resolved at.</summary>
    [Id(17)]
    public CaseLevel? ResolvedAtLevel { get; init; }

    [Id(18)]
    public int ReopenCount { get; init; }

    [Id(19)]
    public CaseClosure? Closure { get; init; }

    /// <summary>The primary case this one was merged into; its reporter follows that one.</summary>
    [Id(20)]
    public string? MergedInto { get; init; }

    /// <summary>Cases merged into this one: their reporters follow it.</summary>
    [Id(21)]
    public IReadOnlyList<string> Followers { get; init; } = [];

    /// <summary>Open cases of the same place and category from the last 48 h, for the dispatcher to consider merging.</summary>
    [Id(22)]
    public IReadOnlyList<string> PossibleDuplicates { get; init; } = [];

    /// <summary>The county department that takes the case at the department level.</summary>
    [Id(23)]
    public string? DepartmentId { get; init; }

    [Id(24)]
    public string SubdistrictId { get; init; } = "";

    [Id(25)]
    public string CountyId { get; init; } = "";
}
