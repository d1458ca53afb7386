using System.Text.Json.Serialization;
using Gongzhi.Time;

namespace Gongzhi.Cases;

/// <summary>
/// One entry of a case's timeline; <see cref="Seq"/> runs 1, 2, 3 … per case and is never reused.
/// <see cref="Reference"/> points at what the event is about: a join link, a consultation, a merged case.
/// </summary>
/// <remarks>
/// A resident case holds its whole timeline, so <see cref="At"/> is kept packed (<see cref="PackedTime"/>)
/// and comes back at offset zero; the properties, JSON and equality are those of the plain record
/// (<c>JsonPropertyOrder</c> keeps <c>at</c> in its old place: declared in the body, it would come last).
/// </remarks>
[GenerateSerializer(IncludePrimaryConstructorParameters = false), Immutable, Alias("gongzhi.CaseEvent")]
public sealed record CaseEvent(
    [property: Id(0)] int Seq,
    [property: Id(1)] CaseEventType Type,
    [property: Id(2)] CaseStatus Status,
    DateTimeOffset At,
    [property: Id(4), JsonPropertyOrder(1)] string Actor,
    [property: Id(5), JsonPropertyOrder(1)] string? ActorName,
    [property: Id(6), JsonPropertyOrder(1)] string? Note,
    [property: Id(7), JsonPropertyOrder(1)] string? Reference = null)
{
    [Id(3)] private readonly long _at = PackedTime.Pack(At);

    public DateTimeOffset At { get => PackedTime.Unpack(_at).GetValueOrDefault(); init => _at = PackedTime.Pack(value); }
}
