namespace Gongzhi.Cases;

/// <summary>
/// The clock a case runs against: the offer to the assigned cadre, the SLA's acknowledge-by and
/// resolve-by, and the resident's rating window. Null where it does not apply (yet, or any more).
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CaseDeadlines")]
public sealed record CaseDeadlines(
    [property: Id(0)] DateTimeOffset? OfferExpiresAt,
    [property: Id(1)] DateTimeOffset? AcknowledgeBy,
    [property: Id(2)] DateTimeOffset? ResolveBy,
    [property: Id(3)] DateTimeOffset? RateBy)
{
    public static readonly CaseDeadlines None = new(null, null, null, null);
}
