using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Consultations;
using Gongzhi.Gateway.Views;
using Gongzhi.Metrics;
using Gongzhi.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace Gongzhi.Gateway.Realtime;

/// <summary>Receives the cluster's events on this gateway and forwards each to the SignalR groups in its scope.</summary>
public sealed class HubDispatchObserver(IHubContext<DispatchHub> hub, ILogger<HubDispatchObserver> logger) : IDispatchObserver
{
    public const string CaseUpdated = "caseUpdated";
    public const string RosterUpdated = "rosterUpdated";
    public const string MetricsUpdated = "metricsUpdated";
    public const string InvitationReceived = "invitation";

    public async Task OnCaseUpdatesAsync(IReadOnlyList<CaseUpdate> updates)
    {
        // In order, so each client sees a case's seq rise one by one.
        foreach (var update in updates)
        {
            var staff = new List<string> { DispatchHub.CommunityGroup(update.CommunityId) };
            if (update.AssigneeId is { } cadreId)
            {
                staff.Add(DispatchHub.CadreGroup(cadreId));
            }

            if (update.PreviousAssigneeId is { } previous && previous != update.AssigneeId)
            {
                staff.Add(DispatchHub.CadreGroup(previous));
            }

            if (update.Level != CaseLevel.Community)
            {
                staff.Add(DispatchHub.ScopeGroup(update.LevelOwnerId));
            }

            if (update.FormerLevelOwnerId is { } former)
            {
                // The level the case just left hears it go.
                staff.Add(DispatchHub.ScopeGroup(former));
            }

            var residents = update.Followers.Prepend(update.CaseId).Select(DispatchHub.CaseGroup).ToList();
            try
            {
                await hub.Clients.Groups(staff).SendAsync(CaseUpdated, CasePush.From(update));
                await hub.Clients.Groups(residents).SendAsync(CaseUpdated, CasePush.ForResident(update));
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Push of case {CaseId} seq {Seq} failed", update.CaseId, update.Seq);
            }
        }
    }

    public async Task OnRosterChangedAsync(RosterEntry entry)
    {
        try
        {
            await hub.Clients.Groups([DispatchHub.CommunityGroup(entry.CommunityId), DispatchHub.CadreGroup(entry.Id)]).SendAsync(RosterUpdated, entry);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Push of roster entry {CadreId} failed", entry.Id);
        }
    }

    public async Task OnMetricsChangedAsync(string communityId, KpiSummary summary)
    {
        try
        {
            await hub.Clients.Group(DispatchHub.CommunityGroup(communityId)).SendAsync(MetricsUpdated, MetricsPush.From(communityId, summary));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Push of the metrics of community {CommunityId} failed", communityId);
        }
    }

    public async Task OnInvitationAsync(Invitation invitation)
    {
        try
        {
            await hub.Clients.Group(DispatchHub.AccountGroup(invitation.AccountId)).SendAsync(InvitationReceived, invitation);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Push of invitation to {ConsultationId} for {AccountId} failed", invitation.ConsultationId, invitation.AccountId);
        }
    }
}
