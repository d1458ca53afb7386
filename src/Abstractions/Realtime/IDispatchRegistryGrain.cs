using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Metrics;
using Gongzhi.Consultations;

namespace Gongzhi.Realtime;

/// <summary>The registry of gateway observers (key 0) and the fan-out of events to them; rebuilt by re-registration after a failure.</summary>
[Alias("gongzhi.IDispatchRegistryGrain")]
public interface IDispatchRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Registers or renews a gateway's observer (entries not renewed expire) and answers the registry's epoch, made when
    /// it activated: a gateway that sees it change knows the registry restarted and may have missed events for it.
    /// </summary>
    [Alias("RegisterWithEpoch")]
    Task<Guid> RegisterAsync(string gatewayId, IDispatchObserver observer);

    /// <summary>Removes a gateway that is shutting down.</summary>
    [Alias("Unregister")]
    Task UnregisterAsync(string gatewayId);

    /// <summary>How many gateways are listening now.</summary>
    [Alias("Count")]
    Task<int> CountAsync();

    /// <summary>Sends case changes to every live gateway.</summary>
    [OneWay, Alias("PublishCaseUpdates")]
    Task PublishCaseUpdatesAsync(IReadOnlyList<CaseUpdate> updates);

    /// <summary>Sends a roster change to every live gateway.</summary>
    [OneWay, Alias("PublishRoster")]
    Task PublishRosterAsync(RosterEntry entry);

    /// <summary>Sends a community's new headline KPIs to every live gateway.</summary>
    [OneWay, Alias("PublishMetrics")]
    Task PublishMetricsAsync(string communityId, KpiSummary summary);
    /// <summary>Sends an invitation to every live gateway, for the invited account's connections.</summary>
    [OneWay, Alias("PublishInvitation")]
    Task PublishInvitationAsync(Invitation invitation);

    /// <summary>Sends an early warning of a collective grievance to every live gateway.</summary>
    [OneWay, Alias("PublishSurgeAlert")]
    Task PublishSurgeAlertAsync(SurgeAlert alert);

    /// <summary>Tells every live gateway that a staff account's sessions ended (one, or all when <paramref name="sessionId"/> is null).</summary>
    [OneWay, Alias("PublishSessionsEnded")]
    Task PublishSessionsEndedAsync(string username, string? sessionId);

    /// <summary>Sends a video call's message (a party came or went, a signal, a seat taken over) to every live gateway.</summary>
    [OneWay, Alias("PublishCall")]
    Task PublishCallAsync(CallMessage message);
}
