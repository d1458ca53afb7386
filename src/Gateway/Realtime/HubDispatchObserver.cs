using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Consultations;
using Gongzhi.Gateway.Views;
using Gongzhi.Metrics;
using Gongzhi.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace Gongzhi.Gateway.Realtime;

/// <summary>Receives the cluster's events on this gateway and forwards each to the SignalR groups in its scope.</summary>
public sealed class HubDispatchObserver : IDispatchObserver
{
    private readonly IHubContext<DispatchHub> _hub;
    private readonly CasePushPump _pump;
    private readonly ILogger<HubDispatchObserver> _logger;
    private readonly StaffConnections _staff;
    private readonly CallRelay _calls;

    public HubDispatchObserver(IHubContext<DispatchHub> hub, CasePushPump pump, ILogger<HubDispatchObserver> logger, StaffConnections staff, CallRelay calls)
    {
        _calls = calls;
        _hub = hub;
        _pump = pump;
        _logger = logger;
        _staff = staff;
        pump.Send = SendAsync;
    }

    public const string CaseUpdated = "caseUpdated";
    public const string RosterUpdated = "rosterUpdated";
    public const string MetricsUpdated = "metricsUpdated";
    public const string InvitationReceived = "invitation";
    public const string SurgeAlerted = "surgeAlert";
    public const string Resync = "resync";

    /// <summary>Resync reason: the registry answered another epoch (it was re-activated).</summary>
    public const string ResyncRegistryRestarted = "registryRestarted";

    /// <summary>Resync reason: renewals failed long enough for the registry to have dropped this gateway.</summary>
    public const string ResyncRegistrationLapsed = "registrationLapsed";

    /// <summary>Queues the updates for the pump, which pushes each case's updates in seq order.</summary>
    public Task OnCaseUpdatesAsync(IReadOnlyList<CaseUpdate> updates)
    {
        _pump.Post(updates);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Pushes one update: the full event to staff in its scope, the resident's reading to its residents. Each
    /// message is serialized once for all its connections; both sends start before either is awaited.
    /// </summary>
    public Task SendAsync(CaseUpdate update)
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

        var toStaff = _hub.Clients.Groups(staff).SendAsync(CaseUpdated, CasePush.From(update));
        var toResidents = _hub.Clients.Group(DispatchHub.CaseGroup(update.CaseId)).SendAsync(CaseUpdated, CasePush.ForResident(update));
        var toFollowers = update.Followers.Count == 0
            ? Task.CompletedTask
            : _hub.Clients.Groups(update.Followers.Select(DispatchHub.CaseGroup).ToList()).SendAsync(CaseUpdated, CasePush.ForFollower(update));
        return toStaff.IsCompletedSuccessfully && toResidents.IsCompletedSuccessfully && toFollowers.IsCompletedSuccessfully
            ? Task.CompletedTask
            : Task.WhenAll(toStaff, toResidents, toFollowers);
    }

    public async Task OnRosterChangedAsync(RosterEntry entry)
    {
        try
        {
            await _hub.Clients.Groups([DispatchHub.CommunityGroup(entry.CommunityId), DispatchHub.CadreGroup(entry.Id)]).SendAsync(RosterUpdated, entry);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Push of roster entry {CadreId} failed", entry.Id);
        }
    }

    public async Task OnMetricsChangedAsync(string communityId, KpiSummary summary)
    {
        try
        {
            await _hub.Clients.Group(DispatchHub.CommunityGroup(communityId)).SendAsync(MetricsUpdated, MetricsPush.From(communityId, summary));
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Push of the metrics of community {CommunityId} failed", communityId);
        }
    }

    /// <summary>Tells every connection of this gateway to fetch its snapshots again, as after a reconnect.</summary>
    public async Task ResyncAllAsync(string reason)
    {
        try
        {
            await _hub.Clients.All.SendAsync(Resync, new ResyncPush(reason));
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Push of resync ({Reason}) failed", reason);
        }
    }

    public async Task OnInvitationAsync(Invitation invitation)
    {
        try
        {
            await _hub.Clients.Group(DispatchHub.AccountGroup(invitation.AccountId)).SendAsync(InvitationReceived, invitation);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Push of invitation to {ConsultationId} for {AccountId} failed", invitation.ConsultationId, invitation.AccountId);
        }
    }

    /// <summary>To the community's board and its sub-district's officials; clients keep one warning per id.</summary>
    public async Task OnSurgeAlertAsync(SurgeAlert alert)
    {
        try
        {
            await _hub.Clients.Groups([DispatchHub.CommunityGroup(alert.CommunityId), DispatchHub.ScopeGroup(alert.SubdistrictId)])
                .SendAsync(SurgeAlerted, SurgeAlertView.From(alert));
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Push of surge warning {AlertId} of community {CommunityId} failed", alert.AlertId, alert.CommunityId);
        }
    }

    public Task OnSessionsEndedAsync(string username, string? sessionId)
    {
        var closed = _staff.Close(username, sessionId);
        _logger.LogInformation("Sessions of {Username} ended: {Closed} hub connections closed", username, closed);
        return Task.CompletedTask;
    }

    /// <summary>A video call's message, to this gateway's connections in the call other than the sender's, in the sender's order.</summary>
    public Task OnCallAsync(CallMessage message) => _calls.DeliverAsync(message);
}
