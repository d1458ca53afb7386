using Microsoft.AspNetCore.Http;

namespace Gongzhi.Gateway.Telemetry;

/// <summary>
/// The gateway's management endpoint (<c>Management:Urls</c>, loopback by default), a Kestrel endpoint beside the public
/// URLs, where Prometheus scrapes <c>/metrics</c>. An empty <c>Management:Urls</c> turns it off.
/// </summary>
public sealed class ManagementPort
{
    public const string Section = "Management";

    /// <summary>Where the management endpoint listens unless <c>Management:Urls</c> says otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:9181";

    private readonly HashSet<int> _ports;

    public ManagementPort(string urls)
    {
        Urls = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _ports = [.. Urls.Select(u => BindingAddress.Parse(u).Port)];
        if (_ports.Contains(0))
        {
            throw new InvalidOperationException($"{Section}:Urls needs fixed ports (not 0): Prometheus and the probes must know where to call.");
        }
    }

    public IReadOnlyList<string> Urls { get; }

    public static ManagementPort From(IConfiguration configuration) => new(configuration[$"{Section}:Urls"] ?? DefaultUrls);

    /// <summary>
    /// Whether the request came in on a management port: the port of the socket Kestrel accepted it on, never the Host
    /// header a caller on the public port could set. Only the in-memory test server, which has no socket, is judged by its Host.
    /// </summary>
    public bool Serves(HttpContext context) =>
        (context.Connection.LocalPort != 0 ? context.Connection.LocalPort : context.Request.Host.Port) is { } port && _ports.Contains(port);
}
