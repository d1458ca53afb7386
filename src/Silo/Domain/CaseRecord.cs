using Gongzhi.Cases;

namespace Gongzhi.Silo.Domain;

/// <summary>Everything a case holds; the persisted state of its grain. Events are appended, never edited.</summary>
public sealed class CaseRecord
{
    public CaseSubmission? Submission { get; set; }

    public CaseStatus Status { get; set; } = CaseStatus.Submitted;

    public HandlingMode Mode { get; set; }

    public string? AssigneeId { get; set; }

    public string? AssigneeName { get; set; }

    public SatisfactionRating? Rating { get; set; }

    public List<CaseEvent> Timeline { get; set; } = [];

    public int LastSeq => Timeline.Count == 0 ? 0 : Timeline[^1].Seq;

    public CaseSnapshot ToSnapshot()
    {
        var s = Submission ?? throw new InvalidOperationException("The case has no submission yet.");
        return new CaseSnapshot(
            s.CaseId, s.CommunityId, s.Kind, s.Category, s.Description, s.Location, s.Contact,
            Status, Mode, AssigneeId, AssigneeName, s.SubmittedAt, Rating, Timeline.ToArray());
    }

    public CaseUpdate ToUpdate(CaseEvent e)
    {
        var s = Submission ?? throw new InvalidOperationException("The case has no submission yet.");
        return new CaseUpdate(s.CaseId, s.CommunityId, e.Seq, e.Status, Mode, AssigneeId, AssigneeName, e, e.At);
    }
}
