using Gongzhi.Cases;

namespace Gongzhi.VideoPetitions;

/// <summary>
/// A video petition (视频信访): the case, the level and official it goes to (fixed when asked), who asked,
/// the times they proposed, and what became of it; <c>InCall</c> holds each party in its live call and the session
/// (hub connection) it is in from.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.VideoPetitionSnapshot")]
public sealed record VideoPetitionSnapshot(
    [property: Id(0)] string PetitionId,
    [property: Id(1)] string CaseId,
    [property: Id(2)] string CommunityId,
    [property: Id(3)] CaseLevel Level,
    [property: Id(4)] string LevelOwnerId,
    [property: Id(5)] CaseActor RequestedBy,
    [property: Id(6)] string Note,
    [property: Id(7)] IReadOnlyList<DateTimeOffset> Slots,
    [property: Id(8)] DateTimeOffset RequestedAt,
    [property: Id(9)] VideoPetitionStatus Status,
    [property: Id(10)] DateTimeOffset? ScheduledFor,
    [property: Id(11)] CaseActor? Official,
    [property: Id(12)] string? JoinLink,
    [property: Id(13)] string? Outcome,
    [property: Id(14)] DateTimeOffset? HeldAt,
    [property: Id(15)] CaseActor? CancelledBy,
    [property: Id(16)] string? CancelReason,
    [property: Id(17)] IReadOnlyDictionary<string, string> InCall);
