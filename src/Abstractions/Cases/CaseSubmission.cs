using Gongzhi.Time;

namespace Gongzhi.Cases;

/// <summary>A resident's request as validated by a gateway and carried through the intake queue.</summary>
/// <remarks>
/// A resident case holds its submission, so <see cref="SubmittedAt"/> is kept packed (<see cref="PackedTime"/>)
/// and comes back at offset zero; the properties, JSON and equality are those of the plain record.
/// </remarks>
[GenerateSerializer(IncludePrimaryConstructorParameters = false), Immutable, Alias("gongzhi.CaseSubmission")]
public sealed record CaseSubmission(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string CommunityId,
    [property: Id(2)] CaseKind Kind,
    [property: Id(3)] string Category,
    [property: Id(4)] string Description,
    [property: Id(5)] CaseLocation Location,
    [property: Id(6)] ContactInfo Contact,
    [property: Id(7)] string? ClientRequestId,
    DateTimeOffset SubmittedAt)
{
    [Id(8)] private readonly long _submittedAt = PackedTime.Pack(SubmittedAt);

    public DateTimeOffset SubmittedAt { get => PackedTime.Unpack(_submittedAt).GetValueOrDefault(); init => _submittedAt = PackedTime.Pack(value); }
}
