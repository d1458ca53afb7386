using System.Collections.Concurrent;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Consultations;
using Gongzhi.Metrics;
using Gongzhi.Realtime;

namespace Gongzhi.Silo.Tests;

/// <summary>Stands in for a gateway: hears the surge warnings of one community.</summary>
internal sealed class SurgeListener(string communityId) : IDispatchObserver
{
    public ConcurrentQueue<SurgeAlert> Heard { get; } = new();

    /// <summary>Registers with the dispatch registry as a gateway would, until disposed.</summary>
    public static Task<IAsyncDisposable> ListenAsync(IClusterClient client, SurgeListener listener) => TestGateway.RegisterAsync(client, listener, "gw-surge");

    public Task OnSurgeAlertAsync(SurgeAlert alert)
    {
        if (alert.CommunityId == communityId)
        {
            Heard.Enqueue(alert);
        }

        return Task.CompletedTask;
    }

    public Task OnCaseUpdatesAsync(IReadOnlyList<CaseUpdate> updates) => Task.CompletedTask;

    public Task OnRosterChangedAsync(RosterEntry entry) => Task.CompletedTask;

    public Task OnMetricsChangedAsync(string communityId, KpiSummary summary) => Task.CompletedTask;

    public Task OnInvitationAsync(Invitation invitation) => Task.CompletedTask;

    public Task OnCallAsync(CallMessage message) => Task.CompletedTask;

    public Task OnSessionsEndedAsync(string username, string? sessionId) => Task.CompletedTask;
}
