using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.SessionAffinity;

namespace Gongzhi.Balancer;

/// <summary>The one route and one cluster the balancer forwards: every path to one of the gateways.</summary>
public static class GatewayCluster
{
    public const string ClusterId = "gateways";

    /// <summary>The affinity cookie: a SignalR negotiate and its connection must reach the same gateway.</summary>
    public const string AffinityCookie = ".Gongzhi.Affinity";

    /// <summary>After the balancer's own routes (its health), everything else goes to the gateways.</summary>
    public static RouteConfig Route() => new()
    {
        RouteId = "all",
        ClusterId = ClusterId,
        Order = int.MaxValue,
        Match = new RouteMatch { Path = "{**catch-all}" },
        // The gateway sees the host the browser asked for; YARP's default X-Forwarded-For/-Proto (set, not
        // appended: a client cannot forge them) give it the client's address and scheme, as ForwardedClient
        // took them from a trusted proxy or from the connection, and the gateway trusts them from loopback.
        // ForwardedHeaders' X-Original-For/-Proto (the proxy's own address) are not passed on.
        Transforms =
        [
            new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" },
            new Dictionary<string, string> { ["RequestHeaderRemove"] = "X-Original-For" },
            new Dictionary<string, string> { ["RequestHeaderRemove"] = "X-Original-Proto" },
        ],
    };

    public static ClusterConfig Cluster(BalancerOptions options) => new()
    {
        ClusterId = ClusterId,
        LoadBalancingPolicy = LoadBalancingPolicies.PowerOfTwoChoices,
        // HashCookie names the gateway by a hash, not by data-protected text: any balancer replica,
        // or this one after a restart, reads a cookie another wrote, with no shared key ring.
        SessionAffinity = new SessionAffinityConfig
        {
            Enabled = true,
            Policy = SessionAffinityConstants.Policies.HashCookie,
            FailurePolicy = SessionAffinityConstants.FailurePolicies.Redistribute,
            AffinityKeyName = AffinityCookie,
            Cookie = new SessionAffinityCookieConfig
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                SecurePolicy = CookieSecurePolicy.SameAsRequest,
            },
        },
        HealthCheck = new HealthCheckConfig
        {
            // With every gateway out, answer 503 here rather than forward to gateways known not to be ready.
            AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyAndUnknown,
            // Active: a gateway that cannot take submissions (or is gone) leaves within two intervals.
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = options.HealthCheckInterval,
                Timeout = options.HealthCheckTimeout,
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = "/healthz/ready",
            },
            // Passive: requests failing at the transport level take a gateway out between probes.
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                ReactivationPeriod = options.ReactivationPeriod,
            },
        },
        Destinations = options.Gateways
            .Select((address, i) => (Id: $"gateway{i + 1}", Config: new DestinationConfig { Address = address }))
            .ToDictionary(d => d.Id, d => d.Config),
    };
}
