using Gongzhi.Cases;
using Gongzhi.Communities;

namespace Gongzhi.Consultations;

/// <summary>A 7+X consultation: its cases, the meeting, its parties (the 7 standing, then the X invited), and once held its minutes.</summary>
[GenerateSerializer, Immutable, Alias("gongzhi.ConsultationSnapshot")]
public sealed record ConsultationSnapshot(
    [property: Id(0)] string ConsultationId,
    [property: Id(1)] string CommunityId,
    [property: Id(2)] IReadOnlyList<string> CaseIds,
    [property: Id(3)] string Topic,
    [property: Id(4)] DateTimeOffset Time,
    [property: Id(5)] string Place,
    [property: Id(6)] IReadOnlyList<ConsultationParty> Parties,
    [property: Id(7)] CaseActor ConvenedBy,
    [property: Id(8)] DateTimeOffset ConvenedAt,
    [property: Id(9)] ConsultationStatus Status,
    [property: Id(10)] string? Minutes,
    [property: Id(11)] string? Resolution,
    [property: Id(12)] CaseActor? ConcludedBy,
    [property: Id(13)] DateTimeOffset? ConcludedAt,
    [property: Id(14)] IReadOnlyList<LinkedCaseResult> CaseResults);
