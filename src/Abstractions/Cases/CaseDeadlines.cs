using Gongzhi.Time;

namespace Gongzhi.Cases;

/// <summary>
/// The clock a case runs against: the offer to the assigned cadre, the SLA's acknowledge-by and
/// resolve-by, and the resident's rating window. Null where it does not apply (yet, or any more).
/// </summary>
/// <remarks>
/// A silo holds one per resident case, so the instants are kept packed (<see cref="PackedTime"/>: 8 bytes
/// each, not 24) and come back at offset zero; the properties, JSON and equality are those of the plain record.
/// Orleans serializes the packed fields (hence no primary-constructor parameters on the wire).
/// </remarks>
[GenerateSerializer(IncludePrimaryConstructorParameters = false), Immutable, Alias("gongzhi.CaseDeadlines")]
public sealed record CaseDeadlines(
    DateTimeOffset? OfferExpiresAt,
    DateTimeOffset? AcknowledgeBy,
    DateTimeOffset? ResolveBy,
    DateTimeOffset? RateBy)
{
    public static readonly CaseDeadlines None = new(null, null, null, null);

    [Id(0)] private readonly long _offerExpiresAt = PackedTime.Pack(OfferExpiresAt);
    [Id(1)] private readonly long _acknowledgeBy = PackedTime.Pack(AcknowledgeBy);
    [Id(2)] private readonly long _resolveBy = PackedTime.Pack(ResolveBy);
    [Id(3)] private readonly long _rateBy = PackedTime.Pack(RateBy);

    public DateTimeOffset? OfferExpiresAt { get => PackedTime.Unpack(_offerExpiresAt); init => _offerExpiresAt = PackedTime.Pack(value); }

    public DateTimeOffset? AcknowledgeBy { get => PackedTime.Unpack(_acknowledgeBy); init => _acknowledgeBy = PackedTime.Pack(value); }

    public DateTimeOffset? ResolveBy { get => PackedTime.Unpack(_resolveBy); init => _resolveBy = PackedTime.Pack(value); }

    public DateTimeOffset? RateBy { get => PackedTime.Unpack(_rateBy); init => _rateBy = PackedTime.Pack(value); }
}
