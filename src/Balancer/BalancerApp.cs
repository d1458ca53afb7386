using Microsoft.AspNetCore.DataProtection;
using Yarp.ReverseProxy;

namespace Gongzhi.Balancer;

/// <summary>The balancer as a web application: its own health routes and the proxy to the gateways.</summary>
public static class BalancerApp
{
    public static WebApplication Create(string[] args)
    {
        // The full builder: the slim one registers only the plain console formatter, not the JSON one.
        var builder = WebApplication.CreateBuilder(args);
        // Nothing the balancer sends is protected (hash-cookie affinity), so no key ring is kept on disk.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddOptions<BalancerOptions>()
            .BindConfiguration(BalancerOptions.Section)
            .Validate(o => o.Gateways.Count > 0, "Balancer:Gateways lists no gateway.")
            .Validate(o => o.Gateways.All(g => Uri.TryCreate(g, UriKind.Absolute, out _)), "Balancer:Gateways holds a URL that is not absolute.")
            .Validate(o => o.KnownProxies.All(p => System.Net.IPAddress.TryParse(p, out _)), "Balancer:KnownProxies holds something that is not an IP address.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Balancer:KnownNetworks holds something that is not a CIDR network.")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(BalancerOptions.Section).Get<BalancerOptions>() ?? new BalancerOptions();
        builder.WebHost.UseUrls(options.Urls);
        builder.Services.AddForwardedClient(options);
        builder.Services.AddSingleton<Yarp.ReverseProxy.Forwarder.IForwarderHttpClientFactory, TraceHeadersPassThrough>();
        builder.Services.AddReverseProxy()
            .LoadFromMemory([GatewayCluster.Route()], [GatewayCluster.Cluster(options)]);

        var app = builder.Build();
        if (ForwardedClient.AnyTrusted(options))
        {
            app.UseForwardedHeaders();
        }
        app.MapGet("/healthz/live", () => Results.Text("live"));
        app.MapGet("/healthz/ready", Ready);
        app.MapReverseProxy();
        return app;
    }

    /// <summary>Ready while at least one gateway is healthy.</summary>
    private static IResult Ready(IProxyStateLookup proxy) =>
        proxy.TryGetCluster(GatewayCluster.ClusterId, out var cluster) && cluster.DestinationsState.AvailableDestinations.Count > 0
            ? Results.Text("ready")
            : Results.Text("no healthy gateway", statusCode: StatusCodes.Status503ServiceUnavailable);
}
