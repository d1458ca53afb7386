using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Metrics;
using Gongzhi.Consultations;

namespace Gongzhi.Realtime;

/// <summary>A gateway's ear on the cluster. One-way, so a dead gateway never stalls the others.</summary>
[Alias("gongzhi.IDispatchObserver")]
public interface IDispatchObserver : IGrainObserver
{
    /// <summary>Changes of cases, in seq order per case.</summary>
    [OneWay, Alias("OnCaseUpdates")]
    Task OnCaseUpdatesAsync(IReadOnlyList<CaseUpdate> updates);

    /// <summary>A cadre's duty or load changed.</summary>
    [OneWay, Alias("OnRosterChanged")]
    Task OnRosterChangedAsync(RosterEntry entry);

    /// <summary>A community's headline KPIs changed; at most one every ~2 s per community.</summary>
    [OneWay, Alias("OnMetricsChanged")]
    Task OnMetricsChangedAsync(string communityId, KpiSummary summary);
    /// <summary>A party with a staff account is invited to a 7+X consultation.</summary>
    [OneWay, Alias("OnInvitation")]
    Task OnInvitationAsync(Invitation invitation);

    /// <summary>An early warning of a collective grievance, for the community's board and its sub-district; pushed again under the same id after a crash.</summary>
    [OneWay, Alias("OnSurgeAlert")]
    Task OnSurgeAlertAsync(SurgeAlert alert);

    /// <summary>A staff account's sessions ended (one, or all when <paramref name="sessionId"/> is null): its hub connections close.</summary>
    [OneWay, Alias("OnSessionsEnded")]
    Task OnSessionsEndedAsync(string username, string? sessionId);

    /// <summary>A video call's message, for this gateway's connections in the call other than the sender's; may arrive out of order.</summary>
    [OneWay, Alias("OnCall")]
    Task OnCallAsync(CallMessage message);
}
