namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// Renews this gateway's registration the moment the connection to the cluster comes back, so that
/// after a silo restart the rebuilt registry hears of us within a second rather than at the next renewal.
/// </summary>
public sealed class ClusterConnectionWatcher(IServiceProvider services) : IClusterConnectionStatusObserver
{
    public void NotifyClusterConnectionLost()
    {
    }

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways > 0 && (previousNumberOfGateways == 0 || connectionRecovered))
        {
            services.GetRequiredService<ObserverRegistration>().RenewSoon();
        }
    }
}
