using System.Net;

namespace Gongzhi.Balancer.Tests;

/// <summary>The real balancer (Kestrel on a free loopback port) in front of the given gateways, probing them every 200 ms.</summary>
public sealed class TestBalancer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestBalancer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static Task<TestBalancer> StartAsync(params FakeGateway[] gateways) => StartAsync(gateways, []);

    /// <summary>As above, with more settings (<c>--Key=value</c>).</summary>
    public static async Task<TestBalancer> StartAsync(FakeGateway[] gateways, string[] settings)
    {
        var url = $"http://127.0.0.1:{FreePorts.Next()}";
        string[] args =
        [
            $"--Balancer:Urls={url}",
            "--Balancer:HealthCheckInterval=00:00:00.200",
            "--Balancer:HealthCheckTimeout=00:00:01",
            .. gateways.Select((g, i) => $"--Balancer:Gateways:{i}={g.Url}"),
            .. settings,
        ];
        var app = BalancerApp.Create(args);
        await app.StartAsync();
        return new TestBalancer(app, new Uri(url));
    }

    /// <summary>A browser-like client: it keeps the cookies the balancer sets.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = Address };

    /// <summary>The gateway's name, or the status when the balancer could not forward.</summary>
    public static async Task<string> WhoAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/who");
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : $"HTTP {(int)response.StatusCode}";
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
