using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Consultations;

namespace Gongzhi.Domain;

/// <summary>Everything a 7+X consultation holds; the persisted state of its grain.</summary>
public sealed class ConsultationRecord
{
    public string? ConsultationId { get; set; }

    public string CommunityId { get; set; } = "";

    public List<string> CaseIds { get; set; } = [];

    public string Topic { get; set; } = "";

    public DateTimeOffset Time { get; set; }

    public string Place { get; set; } = "";

    public List<ConsultationParty> Parties { get; set; } = [];

    public CaseActor? ConvenedBy { get; set; }

    public DateTimeOffset ConvenedAt { get; set; }

    public ConsultationStatus Status { get; set; }

    public string? Minutes { get; set; }

    public string? Resolution { get; set; }

    public CaseActor? ConcludedBy { get; set; }

    public DateTimeOffset? ConcludedAt { get; set; }

    public List<LinkedCaseResult> CaseResults { get; set; } = [];

    /// <summary>Cases not yet told of the convening; written with the convening, emptied as each case records it.</summary>
    public List<string> NoticesPending { get; set; } = [];

    /// <summary>Cases the resolution has not reached yet; written with the minutes, emptied as each case answers.</summary>
    public List<string> ResolutionsPending { get; set; } = [];

    public bool Exists => ConsultationId is not null;

    public ConsultationSnapshot ToSnapshot() =>
        new(ConsultationId!, CommunityId, CaseIds.ToArray(), Topic, Time, Place, Parties.ToArray(), ConvenedBy!, ConvenedAt, Status,
            Minutes, Resolution, ConcludedBy, ConcludedAt, CaseResults.ToArray());
}
