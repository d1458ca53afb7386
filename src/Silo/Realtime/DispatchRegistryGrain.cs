using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Metrics;
using Gongzhi.Consultations;
using Gongzhi.Realtime;
using Gongzhi.Silo.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Utilities;

namespace Gongzhi.Silo.Realtime;

/// <summary>
/// Holds the observers of live gateways in memory (Orleans' <see cref="ObserverManager{TIdentity, TObserver}"/>, on the
/// liveness clock) and fans events out to them with one-way calls. Gateways renew every ~10 s; an entry not renewed
/// for 30 s is dropped. After a silo failure the
/// registry starts empty and fills again as gateways renew; meanwhile the cases the new silo handles
/// (the queue's backlog first of all) would push to nobody, so for its first <see cref="ReplayWindow"/>
/// a fresh registry keeps the case updates it publishes (at most <see cref="ReplayLimit"/>) and replays
/// them to each gateway as it registers. Gateways drop the repeats. Each activation has its own epoch, answered to every
/// registration, so a gateway learns that the registry restarted and tells its clients to fetch their snapshots again.
/// </summary>
internal sealed class DispatchRegistryGrain(
    [FromKeyedServices(Clocks.Liveness)] TimeProvider time,
    ILogger<DispatchRegistryGrain> logger) : Grain, IDispatchRegistryGrain
{
    public static readonly TimeSpan EntryLifetime = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan ReplayWindow = EntryLifetime;

    public const int ReplayLimit = 10_000;

    private readonly ObserverManager<string, IDispatchObserver> _gateways = new(EntryLifetime, logger)
    {
        GetDateTime = () => time.GetUtcNow().UtcDateTime,
    };

    private readonly DateTimeOffset _activatedAt = time.GetUtcNow();
    private readonly Guid _epoch = Guid.NewGuid();
    private List<CaseUpdate>? _replay = [];

    public Task<Guid> RegisterAsync(string gatewayId, IDispatchObserver observer)
    {
        _gateways.ClearExpired();
        if (!_gateways.Observers.ContainsKey(gatewayId))
        {
            logger.LogInformation("Gateway {GatewayId} registered for live events", gatewayId);
            if (Replay() is { Count: > 0 } replay)
            {
                SendOne(observer, o => o.OnCaseUpdatesAsync(replay.ToArray()));
            }
        }

        _gateways.Subscribe(gatewayId, observer);
        return Task.FromResult(_epoch);
    }

    public Task UnregisterAsync(string gatewayId)
    {
        _gateways.Unsubscribe(gatewayId);
        return Task.CompletedTask;
    }

    public Task<int> CountAsync()
    {
        _gateways.ClearExpired();
        return Task.FromResult(_gateways.Count);
    }

    public Task PublishCaseUpdatesAsync(IReadOnlyList<CaseUpdate> updates)
    {
        if (Replay() is { } replay && replay.Count + updates.Count <= ReplayLimit)
        {
            replay.AddRange(updates);
        }

        Send(observer => observer.OnCaseUpdatesAsync(updates));
        return Task.CompletedTask;
    }

    public Task PublishRosterAsync(RosterEntry entry)
    {
        Send(observer => observer.OnRosterChangedAsync(entry));
        return Task.CompletedTask;
    }

    public Task PublishMetricsAsync(string communityId, KpiSummary summary)
    {
        Send(observer => observer.OnMetricsChangedAsync(communityId, summary));
        return Task.CompletedTask;
    }

    public Task PublishInvitationAsync(Invitation invitation)
    {
        Send(observer => observer.OnInvitationAsync(invitation));
        return Task.CompletedTask;
    }

    public Task PublishSurgeAlertAsync(SurgeAlert alert)
    {
        Send(observer => observer.OnSurgeAlertAsync(alert));
        return Task.CompletedTask;
    }

    public Task PublishSessionsEndedAsync(string username, string? sessionId)
    {
        Send(observer => observer.OnSessionsEndedAsync(username, sessionId));
        return Task.CompletedTask;
    }

    public Task PublishCallAsync(CallMessage message)
    {
        Send(observer => observer.OnCallAsync(message));
        return Task.CompletedTask;
    }

    // The updates kept for gateways yet to register; null once the window has passed.
    private List<CaseUpdate>? Replay()
    {
        if (_replay is not null && time.GetUtcNow() - _activatedAt > ReplayWindow)
        {
            _replay = null;
        }

        return _replay;
    }

    // Every live gateway (the manager drops expired ones as it goes).
    private void Send(Func<IDispatchObserver, Task> call) => _gateways.Notify(observer => SendOne(observer, call));

    // Observer methods are one-way: the call returns once the message is queued, never waiting on a gateway.
    private void SendOne(IDispatchObserver observer, Func<IDispatchObserver, Task> call)
    {
        try
        {
            _ = call(observer);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A gateway observer could not be reached");
        }
    }
}
