using Gongzhi.Realtime;

namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// Keeps this gateway's observer registered with the cluster's dispatch registry, renewing every
/// <see cref="RenewEvery"/>; the registry forgets gateways that stop renewing, and rebuilds itself from
/// these renewals after a silo failure.
/// </summary>
public sealed class ObserverRegistration(IClusterClient cluster, HubDispatchObserver observer, TimeProvider time, ILogger<ObserverRegistration> logger)
    : BackgroundService
{
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);

    private readonly string _gatewayId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _wake = new(0);
    private IDispatchObserver? _reference;

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
                await cluster.GetGrain<IDispatchRegistryGrain>(0).RegisterAsync(_gatewayId, _reference);
                if (LastRenewed is null || !IsRegistered)
                {
                    logger.LogInformation("Gateway {GatewayId} registered for live events", _gatewayId);
                }

                LastRenewed = time.GetUtcNow();
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
