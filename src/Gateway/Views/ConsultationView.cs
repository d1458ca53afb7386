using Gongzhi.Communities;
using Gongzhi.Consultations;

namespace Gongzhi.Gateway.Views;

/// <summary>A 7+X consultation as staff of its community and its parties see it.</summary>
public sealed record ConsultationView(
    string ConsultationId,
    string CommunityId,
    IReadOnlyList<string> CaseIds,
    string Topic,
    DateTimeOffset Time,
    string Place,
    IReadOnlyList<ConsultationParty> Parties,
    string ConvenedBy,
    DateTimeOffset ConvenedAt,
    ConsultationStatus Status,
    string? Minutes,
    string? Resolution,
    string? ConcludedBy,
    DateTimeOffset? ConcludedAt,
    IReadOnlyList<LinkedCaseResult> CaseResults)
{
    public static ConsultationView From(ConsultationSnapshot c) =>
        new(c.ConsultationId, c.CommunityId, c.CaseIds, c.Topic, c.Time, c.Place, c.Parties, c.ConvenedBy.Id, c.ConvenedAt, c.Status,
            c.Minutes, c.Resolution, c.ConcludedBy?.Id, c.ConcludedAt, c.CaseResults);
}
