using Gongzhi.Communities;

namespace Gongzhi.Gateway.Views;

/// <summary>
/// An early warning of a collective grievance: the <c>surgeAlert</c> message and an entry of <c>GET /api/v1/alerts</c>.
/// <c>building</c> is set when one building stands out; <c>caseIds</c> are the cases in the window, for a 7+X meeting.
/// </summary>
public sealed record SurgeAlertView(
    string AlertId,
    string CommunityId,
    string SubdistrictId,
    string Compound,
    string? Building,
    string Category,
    int Count,
    int WindowMinutes,
    double Expected,
    DateTimeOffset At,
    IReadOnlyList<string> CaseIds)
{
    public static SurgeAlertView From(SurgeAlert a) =>
        new(a.AlertId, a.CommunityId, a.SubdistrictId, a.Compound, a.Building, a.Category, a.Count, a.WindowMinutes, a.Expected, a.At, a.CaseIds);
}
