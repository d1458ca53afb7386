using Gongzhi.Cases;

namespace Gongzhi.Gateway.Views;

/// <summary>
/// A case as its resident sees it through the tracking token: no phone numbers, the assignee by display
/// name. A case merged into another shows the other (the primary), with <see cref="MergedFrom"/> set.
/// </summary>
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
    CaseLevel Level,
    CaseDeadlines Deadlines,
    CaseClosure? Closure,
    int ReopenCount,
    string? MergedFrom,
    IReadOnlyList<CaseEvent> Timeline)
{
    /// <summary>The view of a case the silo has not taken from the queue yet.</summary>
    public static TrackView Pending(string caseId) =>
        new(caseId, null, CaseStatus.Submitted, null, null, null, null, null, null, null, null, CaseLevel.Community, CaseDeadlines.None, null, 0, null, []);

    /// <summary>The resident's view; a merged follower (<paramref name="mergedFrom"/> set) reads the primary without its resident's own words.</summary>
    public static TrackView From(CaseSnapshot s, string? mergedFrom = null) =>
        new(s.CaseId, s.CommunityId, s.Status, s.Mode, s.Kind, s.Category, s.Location.Compound, s.Location.Building, s.AssigneeName,
            s.SubmittedAt, s.Rating, s.Level, s.Deadlines, s.Closure, s.ReopenCount, mergedFrom,
            mergedFrom is null ? ResidentEvents.ForResident(s.Timeline) : ResidentEvents.ForFollower(s.Timeline));
}
