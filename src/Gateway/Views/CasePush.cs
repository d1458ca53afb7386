using Gongzhi.Cases;

namespace Gongzhi.Gateway.Views;

/// <summary>The <c>caseUpdated</c> message sent to boards, cadres, officials at the case's level and the residents following it.</summary>
public sealed record CasePush(
    string CaseId,
    string CommunityId,
    int Seq,
    CaseStatus Status,
    HandlingMode Mode,
    string? Assignee,
    string? AssigneeId,
    CaseLevel Level,
    string LevelOwnerId,
    CaseDeadlines Deadlines,
    CaseEvent Event,
    DateTimeOffset At)
{
    public static CasePush From(CaseUpdate u) =>
        new(u.CaseId, u.CommunityId, u.Seq, u.Status, u.Mode, u.Assignee, u.AssigneeId, u.Level, u.LevelOwnerId, u.Deadlines, u.Event, u.At);

    /// <summary>The same change as its residents may read it (see <see cref="ResidentEvents"/>): the cadre's display name, not their account id.</summary>
    public static CasePush ForResident(CaseUpdate u) => From(u) with { AssigneeId = null, Event = ResidentEvents.ForResident(u.Event) };

    /// <summary>The same change as the residents of cases merged into it read it: also without the primary resident's own words.</summary>
    public static CasePush ForFollower(CaseUpdate u) => From(u) with { AssigneeId = null, Event = ResidentEvents.ForFollower(u.Event) };
}
