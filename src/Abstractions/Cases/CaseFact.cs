using System.Text.Json.Serialization;

namespace Gongzhi.Cases;

/// <summary>
/// What the KPIs need to know of one case, sent to the metrics after each change that matters;
/// the fact with the highest <see cref="Seq"/> (the case's last event) replaces the earlier ones, as
/// one-way messages may arrive out of order.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CaseFact")]
public sealed record CaseFact(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string CommunityId,
    [property: Id(2)] string SubdistrictId,
    [property: Id(3)] string Category,
    [property: Id(4)] CaseKind Kind,
    [property: Id(5)] string? CadreId,
    [property: Id(6)] DateTimeOffset SubmittedAt,
    [property: Id(7)] DateTimeOffset? AcceptedAt,
    [property: Id(8)] DateTimeOffset? AcknowledgedAt,
    [property: Id(9)] DateTimeOffset? AcknowledgeBy,
    [property: Id(10)] DateTimeOffset? ResolvedAt,
    [property: Id(11)] DateTimeOffset? ResolveBy,
    [property: Id(12)] CaseLevel? ResolvedAtLevel,
    [property: Id(13)] SatisfactionRating? Rating,
    [property: Id(14)] CaseClosure? Closure,
    [property: Id(15)] int Seq = 0,
    [property: Id(16)][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] CaseLevel Level = CaseLevel.Community,
    [property: Id(17)][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DepartmentId = null);
