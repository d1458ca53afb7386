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
    [property: Id(13)] IReadOnlyList<CaseEvent> Timeline);
