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

    /// <summary>The levels whose meeting lists hold this consultation: its community, sub-district and county.</summary>
    public List<string> IndexOwners { get; set; } = [];

    /// <summary>Lists not yet told of the consultation as it now stands; written with each step, emptied as each list takes it.</summary>
    public List<string> IndexesPending { get; set; } = [];

    /// <summary>Accounts whose inbox has not yet taken the invitation as it now stands; written with each step, emptied as each inbox takes it.</summary>
    public List<string> InvitationsPending { get; set; } = [];

    /// <summary>Whether some grain has still to hear of a step (a method, so the stored row does not carry it).</summary>
    public bool OwesDelivery() => NoticesPending.Count + ResolutionsPending.Count + IndexesPending.Count + InvitationsPending.Count > 0;

    public bool Exists => ConsultationId is not null;

    public ConsultationSummary ToSummary() =>
        new(ConsultationId!, CommunityId, Topic, Time, Place, Status, CaseIds.Count, ConvenedAt, ConcludedAt);

    public ConsultationSnapshot ToSnapshot() =>
        new(ConsultationId!, CommunityId, CaseIds.ToArray(), Topic, Time, Place, Parties.ToArray(), ConvenedBy!, ConvenedAt, Status,
            Minutes, Resolution, ConcludedBy, ConcludedAt, CaseResults.ToArray());
}
