using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Gongzhi.Balancer;

/// <summary>
/// The client's address and scheme as a trusted TLS proxy in front of the balancer forwards them
/// (<c>Balancer:KnownProxies</c>, <c>Balancer:KnownNetworks</c>): taken into the connection before the proxy
/// runs, so YARP's X-Forwarded-For/-Proto (set, not appended) carry them to the gateways. From anyone else,
/// loopback included unless listed, both headers are replaced with what the balancer itself sees.
/// </summary>
public static class ForwardedClient
{
    /// <summary>
    /// Whether any proxy is trusted: the middleware must not run otherwise, since with empty lists it
    /// believes every caller.
    /// </summary>
    public static bool AnyTrusted(BalancerOptions options) => options.KnownProxies.Count + options.KnownNetworks.Count > 0;

    public static IServiceCollection AddForwardedClient(this IServiceCollection services, BalancerOptions options)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only what the operator lists: the framework's default (loopback) would let any local process choose its address.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in options.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in options.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
