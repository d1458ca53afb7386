using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Metrics;
using Gongzhi.Consultations;
using Gongzhi.Realtime;
using Gongzhi.Silo.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Silo.Realtime;

/// <summary>
/// Holds the observers of live gateways in memory and fans events out to them with one-way calls.
/// Gateways renew every ~10 s; an entry not renewed for 30 s is dropped. After a silo failure the
/// registry starts empty and fills again as gateways renew.
/// </summary>
internal sealed class DispatchRegistryGrain(
    [FromKeyedServices(Clocks.Liveness)] TimeProvider time,
    ILogger<DispatchRegistryGrain> logger) : Grain, IDispatchRegistryGrain
{
    public static readonly TimeSpan EntryLifetime = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, (IDispatchObserver Observer, DateTimeOffset Expires)> _gateways = [];

    public Task RegisterAsync(string gatewayId, IDispatchObserver observer)
    {
        if (!_gateways.ContainsKey(gatewayId))
        {
            logger.LogInformation("Gateway {GatewayId} registered for live events", gatewayId);
        }

        _gateways[gatewayId] = (observer, time.GetUtcNow() + EntryLifetime);
        return Task.CompletedTask;
    }

    public Task UnregisterAsync(string gatewayId)
    {
        _gateways.Remove(gatewayId);
        return Task.CompletedTask;
    }

    public Task<int> CountAsync() => Task.FromResult(Live().Count());

    public Task PublishCaseUpdatesAsync(IReadOnlyList<CaseUpdate> updates)
    {
        foreach (var observer in Live())
        {
            Send(() => observer.OnCaseUpdatesAsync(updates));
        }

        return Task.CompletedTask;
    }

    public Task PublishRosterAsync(RosterEntry entry)
    {
        foreach (var observer in Live())
        {
            Send(() => observer.OnRosterChangedAsync(entry));
        }

        return Task.CompletedTask;
    }

    public Task PublishMetricsAsync(string communityId, KpiSummary summary)
    {
        foreach (var observer in Live())
        {
            Send(() => observer.OnMetricsChangedAsync(communityId, summary));
        }

        return Task.CompletedTask;
    }

    public Task PublishInvitationAsync(Invitation invitation)
    {
        foreach (var observer in Live())
        {
            Send(() => observer.OnInvitationAsync(invitation));
        }

        return Task.CompletedTask;
    }

    private IEnumerable<IDispatchObserver> Live()
    {
        var now = time.GetUtcNow();
        foreach (var expired in _gateways.Where(g => g.Value.Expires <= now).Select(g => g.Key).ToArray())
        {
            _gateways.Remove(expired);
            logger.LogInformation("Gateway {GatewayId} expired from the registry", expired);
        }

        return _gateways.Values.Select(g => g.Observer).ToArray();
    }

    // Observer methods are one-way: the call returns once the message is queued, never waiting on a gateway.
    private void Send(Func<Task> call)
    {
        try
        {
            _ = call();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A gateway observer could not be reached");
        }
    }
}
