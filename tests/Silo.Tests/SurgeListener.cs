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
    public static async Task<IAsyncDisposable> ListenAsync(IClusterClient client, SurgeListener listener)
    {
        var reference = client.CreateObjectReference<IDispatchObserver>(listener);
        var registry = client.GetGrain<IDispatchRegistryGrain>(0);
        var gateway = "gw-surge-" + Guid.NewGuid().ToString("N");
        await registry.RegisterAsync(gateway, reference);
        return new Registration(async () =>
        {
            await registry.UnregisterAsync(gateway);
            client.DeleteObjectReference<IDispatchObserver>(reference);
        });
    }

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

    private sealed class Registration(Func<Task> end) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await end();
    }
}
