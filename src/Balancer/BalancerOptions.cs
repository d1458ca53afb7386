namespace Gongzhi.Balancer;

/// <summary>Settings of the load balancer in front of the gateways.</summary>
public sealed class BalancerOptions
{
    public const string Section = "Balancer";

    /// <summary>Where the balancer listens (an ASP.NET Core URL list); loopback by default.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>The gateways' public base URLs, e.g. <c>http://127.0.0.1:5080</c>.</summary>
    public List<string> Gateways { get; set; } = [];

    /// <summary>Addresses of TLS proxies in front of the balancer whose <c>X-Forwarded-For</c>/<c>-Proto</c> are believed.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR) of such proxies.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How often each gateway's <c>/healthz/ready</c> is asked.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one readiness probe may take before it counts as a failure.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a gateway taken out by failed requests (passive check) stays out before it is tried again.</summary>
    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(10);
}
