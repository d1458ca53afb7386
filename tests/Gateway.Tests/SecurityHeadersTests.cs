using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongzhi.Gateway.Tests;

/// <summary>Every answer carries CSP, nosniff and a referrer policy; HSTS over HTTPS, a proxy's included; no source map is served.</summary>
[Collection(GatewayCollection.Name)]
public sealed class SecurityHeadersTests(GatewayFixture fixture) : IDisposable
{
    private readonly string _dashboard = Directory.CreateTempSubdirectory("gongzhi-dashboard-").FullName;

    public void Dispose() => Directory.Delete(_dashboard, recursive: true);

    [Theory]
    [InlineData("/")]
    [InlineData("/assets/app.js")]
    [InlineData("/api/v1/communities/ximen")]
    [InlineData("/api/v1/communities/ximen/roster")]
    [InlineData("/api/v1/no-such-route")]
    [InlineData("/healthz/live")]
    public async Task Pages_api_answers_refusals_and_static_files_all_carry_the_security_headers(string path)
    {
        await using var gateway = WithDashboard();

        var response = await gateway.CreateClient().GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "no HSTS over plain HTTP");
    }

    [Fact]
    public async Task A_source_map_is_not_served_even_when_one_was_built()
    {
        await using var gateway = WithDashboard();
        var client = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/assets/app.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/app.js.map")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/APP.JS.MAP")).StatusCode);
    }

    [Fact]
    public async Task Over_https_the_answer_carries_hsts()
    {
        await using var gateway = WithDashboard();
        var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://gongzhi.example") });

        var response = await client.GetAsync("/api/v1/communities/ximen");

        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Behind_a_configured_tls_proxy_the_forwarded_scheme_brings_hsts_and_from_anyone_else_it_does_not()
    {
        await using var gateway = WithDashboard(("ForwardedHeaders:KnownProxies:0", "10.0.0.1"));
        var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://gongzhi.example") });

        var viaProxy = await client.SendAsync(Forwarded("10.0.0.1"));
        var direct = await client.SendAsync(Forwarded("203.0.113.9"));

        Assert.True(viaProxy.Headers.Contains("Strict-Transport-Security"));
        Assert.False(direct.Headers.Contains("Strict-Transport-Security"));
    }

    private static HttpRequestMessage Forwarded(string peer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/communities/ximen");
        request.Headers.Add(TestPeers.Header, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        return request;
    }

    // A built dashboard of three files, one of them the source map a development build leaves beside its script.
    private WebApplicationFactory<Program> WithDashboard(params (string Setting, string Value)[] settings)
    {
        Directory.CreateDirectory(Path.Combine(_dashboard, "assets"));
        File.WriteAllText(Path.Combine(_dashboard, "index.html"), "<!doctype html><title>Gongzhi</title>");
        File.WriteAllText(Path.Combine(_dashboard, "assets", "app.js"), "export {};");
        File.WriteAllText(Path.Combine(_dashboard, "assets", "app.js.map"), """{"version":3,"sources":["app.ts"]}""");
        return fixture.Gateway(fixture.QuietQueueName).WithWebHostBuilder(web =>
        {
            TestPeers.AddTo(web);
            web.UseSetting("Gateway:DashboardPath", _dashboard);
            foreach (var (setting, value) in settings)
            {
                web.UseSetting(setting, value);
            }
        });
    }
}
