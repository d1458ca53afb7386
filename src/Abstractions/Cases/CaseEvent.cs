using System.Text.Json.Serialization;

namespace Gongzhi.Cases;

/// <summary>
/// One entry of a case's timeline; <see cref="Seq"/> runs 1, 2, 3 … per case and is never reused.
/// <see cref="Reference"/> points at what the event is about: a join link, a consultation, a merged case.
/// <see cref="Photos"/> are the unguessable paths of the photos the event brought: the resident's at submission, the
/// cadre's at resolution (a resolution before issue 14 kept its one photo URL in <see cref="Reference"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.CaseEvent")]
public sealed record CaseEvent(
    [property: Id(0)] int Seq,
    [property: Id(1)] CaseEventType Type,
    [property: Id(2)] CaseStatus Status,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Actor,
    [property: Id(5)] string? ActorName,
    [property: Id(6)] string? Note,
    [property: Id(7)] string? Reference = null,
    [property: Id(8)][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Photos = null);
