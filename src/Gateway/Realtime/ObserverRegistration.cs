using Gongzhi.Realtime;

namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// Keeps this gateway's observer registered with the cluster's dispatch registry, renewing every
/// <see cref="RenewEvery"/>; the registry forgets gateways that stop renewing, and rebuilds itself from
/// these renewals after a silo failure. When a renewal finds a registry of another epoch (re-activated, so it
/// may have missed events for us) or comes after our entry lapsed, every connected client is told to resync.
/// </summary>
public sealed class ObserverRegistration(IClusterClient cluster, HubDispatchObserver observer, TimeProvider time, ILogger<ObserverRegistration> logger)
    : BackgroundService
{
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);

    private readonly string _gatewayId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _wake = new(0);
    private IDispatchObserver? _reference;
    private Guid? _epoch;

    /// <summary>When the last renewal succeeded; null before the first.</summary>
    public DateTimeOffset? LastRenewed { get; private set; }

    /// <summary>Whether the registry heard from us recently enough to be pushing to this gateway.</summary>
    public bool IsRegistered => LastRenewed is { } at && time.GetUtcNow() - at < RenewEvery * 2.5;

    /// <summary>Renews now rather than at the next period, e.g. when the cluster connection came back.</summary>
    public void RenewSoon() => _wake.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _reference = cluster.CreateObjectReference<IDispatchObserver>(observer);
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = RenewEvery;
            try
            {
                var epoch = await cluster.GetGrain<IDispatchRegistryGrain>(0).RegisterAsync(_gatewayId, _reference);
                var lapsed = LastRenewed is not null && !IsRegistered;
                var restarted = _epoch is { } known && known != epoch;
                if (LastRenewed is null || lapsed)
                {
                    logger.LogInformation("Gateway {GatewayId} registered for live events", _gatewayId);
                }

                LastRenewed = time.GetUtcNow();
                _epoch = epoch;
                if (lapsed || restarted)
                {
                    // Events for our clients may have gone to nobody meanwhile: they fetch their snapshots again.
                    var reason = restarted ? HubDispatchObserver.ResyncRegistryRestarted : HubDispatchObserver.ResyncRegistrationLapsed;
                    logger.LogWarning("Live events may have been missed ({Reason}); telling every client to resync", reason);
                    await observer.ResyncAllAsync(reason);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Registering for live events failed; retrying");
                delay = TimeSpan.FromSeconds(1);
            }

            await WaitAsync(delay, stoppingToken);
        }
    }

    // Until the delay passes or someone asks for a renewal now, whichever comes first.
    private async Task WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await Task.WhenAny(Task.Delay(delay, time, either.Token), _wake.WaitAsync(either.Token));
        await either.CancelAsync();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await cluster.GetGrain<IDispatchRegistryGrain>(0).UnregisterAsync(_gatewayId).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            if (_reference is not null)
            {
                cluster.DeleteObjectReference<IDispatchObserver>(_reference);
            }
        }
        catch (Exception ex)
        {
            // The client may already be closing; the registry entry then expires by itself.
            logger.LogDebug(ex, "Could not unregister on shutdown");
        }
    }
}
