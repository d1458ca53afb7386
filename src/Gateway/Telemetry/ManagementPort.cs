using Microsoft.AspNetCore.Hosting.Server;
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
    /// header a caller on the public port could set. Only under the in-memory test server (<paramref name="inMemoryServer"/>,
    /// decided once at start by <see cref="IsInMemory"/>), which has no socket, is a request judged by its Host; a Kestrel
    /// Unix socket or named pipe (local port 0) is never the management port.
    /// </summary>
    public bool Serves(HttpContext context, bool inMemoryServer) =>
        (inMemoryServer ? context.Request.Host.Port : context.Connection.LocalPort) is { } port && _ports.Contains(port);

    /// <summary>Whether the server is ASP.NET Core's in-memory <c>TestServer</c> (judged by type name: the gateway does not reference it).</summary>
    public static bool IsInMemory(IServer server) => server.GetType().FullName == "Microsoft.AspNetCore.TestHost.TestServer";

    /// <summary>Refuses a public URL on a management port: the public port would then serve <c>/metrics</c> and only that.</summary>
    public void EnsureApartFrom(IEnumerable<string> publicUrls)
    {
        var shared = publicUrls.Where(u => _ports.Contains(BindingAddress.Parse(u).Port)).ToArray();
        if (shared.Length > 0)
        {
            throw new InvalidOperationException(
                $"The public URL {string.Join(", ", shared)} (urls / ASPNETCORE_URLS / --urls / HTTP_PORTS) uses a port of {Section}:Urls " +
                $"({string.Join(", ", Urls)}): give the management endpoint a port of its own, or set {Section}:Urls empty to turn it off.");
        }
    }
}
