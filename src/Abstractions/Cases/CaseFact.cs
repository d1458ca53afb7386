using System.Text.Json.Serialization;
using Gongzhi.Time;

namespace Gongzhi.Cases;

/// <summary>
/// What the KPIs need to know of one case, sent to the metrics after each change that matters;
/// the fact with the highest <see cref="Seq"/> (the case's last event) replaces the earlier ones, as
/// one-way messages may arrive out of order.
/// </summary>
/// <remarks>
/// A community's metrics hold one per case, so the instants are kept packed (<see cref="PackedTime"/>: 8 bytes
/// each, not 16 or 24; they come back at offset zero) and the optional enums in a byte each; the properties,
/// JSON and equality are those of the plain record (<c>JsonPropertyOrder</c> keeps <c>seq</c> last: the
/// properties declared in the body would come after it).
/// </remarks>
[GenerateSerializer(IncludePrimaryConstructorParameters = false), Immutable, Alias("gongzhi.CaseFact")]
public sealed record CaseFact(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string CommunityId,
    [property: Id(2)] string SubdistrictId,
    [property: Id(3)] string Category,
    [property: Id(4)] CaseKind Kind,
    [property: Id(5)] string? CadreId,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? AcknowledgeBy,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ResolveBy,
    CaseLevel? ResolvedAtLevel,
    SatisfactionRating? Rating,
    CaseClosure? Closure,
    [property: Id(15), JsonPropertyOrder(1)] int Seq = 0)
{
    [Id(6)] private readonly long _submittedAt = PackedTime.Pack(SubmittedAt);
    [Id(7)] private readonly long _acceptedAt = PackedTime.Pack(AcceptedAt);
    [Id(8)] private readonly long _acknowledgedAt = PackedTime.Pack(AcknowledgedAt);
    [Id(9)] private readonly long _acknowledgeBy = PackedTime.Pack(AcknowledgeBy);
    [Id(10)] private readonly long _resolvedAt = PackedTime.Pack(ResolvedAt);
    [Id(11)] private readonly long _resolveBy = PackedTime.Pack(ResolveBy);

    // The optional enums as one byte each (PackedEnum).
    [Id(12)] private readonly byte _resolvedAtLevel = PackedEnum.Pack(ResolvedAtLevel);
    [Id(13)] private readonly byte _rating = PackedEnum.Pack(Rating);
    [Id(14)] private readonly byte _closure = PackedEnum.Pack(Closure);

    public DateTimeOffset SubmittedAt { get => PackedTime.Unpack(_submittedAt).GetValueOrDefault(); init => _submittedAt = PackedTime.Pack(value); }

    public DateTimeOffset? AcceptedAt { get => PackedTime.Unpack(_acceptedAt); init => _acceptedAt = PackedTime.Pack(value); }

    public DateTimeOffset? AcknowledgedAt { get => PackedTime.Unpack(_acknowledgedAt); init => _acknowledgedAt = PackedTime.Pack(value); }

    public DateTimeOffset? AcknowledgeBy { get => PackedTime.Unpack(_acknowledgeBy); init => _acknowledgeBy = PackedTime.Pack(value); }

    public DateTimeOffset? ResolvedAt { get => PackedTime.Unpack(_resolvedAt); init => _resolvedAt = PackedTime.Pack(value); }

    public DateTimeOffset? ResolveBy { get => PackedTime.Unpack(_resolveBy); init => _resolveBy = PackedTime.Pack(value); }

    public CaseLevel? ResolvedAtLevel { get => PackedEnum.Unpack<CaseLevel>(_resolvedAtLevel); init => _resolvedAtLevel = PackedEnum.Pack(value); }

    public SatisfactionRating? Rating { get => PackedEnum.Unpack<SatisfactionRating>(_rating); init => _rating = PackedEnum.Pack(value); }

    public CaseClosure? Closure { get => PackedEnum.Unpack<CaseClosure>(_closure); init => _closure = PackedEnum.Pack(value); }
}
