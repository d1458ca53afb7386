using Gongzhi.Cases;

namespace Gongzhi.Gateway.Views;

/// <summary>A case as its resident sees it through the tracking token: no phone numbers, the assignee by display name.</summary>
public sealed record TrackView(
    string CaseId,
    string? CommunityId,
    CaseStatus Status,
    HandlingMode? Mode,
    CaseKind? Kind,
    string? Category,
    string? Compound,
    string? Building,
    string? Assignee,
    DateTimeOffset? SubmittedAt,
    SatisfactionRating? Rating,
    IReadOnlyList<CaseEvent> Timeline)
{
    /// <summary>The view of a case the silo has not taken from the queue yet.</summary>
    public static TrackView Pending(string caseId) => new(caseId, null, CaseStatus.Submitted, null, null, null, null, null, null, null, null, []);

    public static TrackView From(CaseSnapshot s) =>
        new(s.CaseId, s.CommunityId, s.Status, s.Mode, s.Kind, s.Category, s.Location.Compound, s.Location.Building, s.AssigneeName, s.SubmittedAt, s.Rating, s.Timeline);
}
