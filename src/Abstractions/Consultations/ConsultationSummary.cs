namespace Gongzhi.Consultations;

/// <summary>
/// A 7+X consultation as a list shows it (a level's meetings, a party's invitations): enough to pick it out
/// and open it, kept in the lists by the consultation's outbox so a list never activates every meeting.
/// </summary>
[GenerateSerializer, Immutable, Alias("gongzhi.ConsultationSummary")]
public sealed record ConsultationSummary(
    [property: Id(0)] string ConsultationId,
    [property: Id(1)] string CommunityId,
    [property: Id(2)] string Topic,
    [property: Id(3)] DateTimeOffset Time,
    [property: Id(4)] string Place,
    [property: Id(5)] ConsultationStatus Status,
    [property: Id(6)] int CaseCount,
    [property: Id(7)] DateTimeOffset ConvenedAt,
    [property: Id(8)] DateTimeOffset? ConcludedAt);
