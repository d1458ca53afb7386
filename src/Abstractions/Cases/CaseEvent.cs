using System.Text.Json.Serialization;
using Gongzhi.Time;

namespace Gongzhi.Cases;

/// <summary>
/// One entry of a case's timeline; <see cref="Seq"/> runs 1, 2, 3 … per case and is never reused.
/// <see cref="Reference"/> points at what the event is about: a join link, a consultation, a merged case.
/// </summary>
/// <remarks>
/// A resident case holds its whole timeline, so <see cref="At"/> is kept packed (<see cref="PackedTime"/>;
/// it comes back at offset zero) and the type and status in a byte each; the properties, JSON and equality
/// are those of the plain record (<c>JsonPropertyOrder</c> keeps <c>type</c>, <c>status</c> and <c>at</c> in
/// their old place: declared in the body, they would come last).
/// </remarks>
[GenerateSerializer(IncludePrimaryConstructorParameters = false), Immutable, Alias("gongzhi.CaseEvent")]
public sealed record CaseEvent(
    [property: Id(0)] int Seq,
    CaseEventType Type,
    CaseStatus Status,
    DateTimeOffset At,
    [property: Id(4), JsonPropertyOrder(1)] string Actor,
    [property: Id(5), JsonPropertyOrder(1)] string? ActorName,
    [property: Id(6), JsonPropertyOrder(1)] string? Note,
    [property: Id(7), JsonPropertyOrder(1)] string? Reference = null)
{
    // The enums in a byte each (their values are small), not 4.
    [Id(1)] private readonly byte _type = checked((byte)Type);
    [Id(2)] private readonly byte _status = checked((byte)Status);
    [Id(3)] private readonly long _at = PackedTime.Pack(At);

    public CaseEventType Type { get => (CaseEventType)_type; init => _type = checked((byte)value); }

    public CaseStatus Status { get => (CaseStatus)_status; init => _status = checked((byte)value); }

    public DateTimeOffset At { get => PackedTime.Unpack(_at).GetValueOrDefault(); init => _at = PackedTime.Pack(value); }
}
