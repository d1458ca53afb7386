using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Gongzhi.Gateway.Extensions;

/// <summary>
/// What stands between the internet and the routes: the client's address and scheme as a configured proxy
/// forwards them (<c>ForwardedHeaders:KnownProxies</c>, <c>ForwardedHeaders:KnownNetworks</c>; loopback is
/// always trusted), HSTS over HTTPS, the security headers, and the rate limits.
/// </summary>
public static class GatewayProtection
{
    public const string ForwardedSection = "ForwardedHeaders";

    public static WebApplicationBuilder AddGatewayProtection(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection(ForwardedSection + ":KnownProxies").Get<string[]>() ?? [];
        var networks = builder.Configuration.GetSection(ForwardedSection + ":KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddGatewayRateLimits();
        return builder;
    }

    /// <summary>First in the pipeline: every answer after it, refusals included, carries the headers.</summary>
    public static WebApplication UseGatewayProtection(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseHsts();
        app.UseGatewayRateLimits();
        return app;
    }
}
