using System.Net;
using Gongzhi.Gateway.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Gateway.Tests;

/// <summary>Which requests count as the management port's, and a gateway whose public URL would share it.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ManagementPortTests(GatewayFixture fixture)
{
    private readonly ManagementPort _management = new("http://127.0.0.1:9181");

    [Fact]
    public void Under_kestrel_the_accepting_sockets_port_decides_never_the_host_header()
    {
        Assert.True(_management.Serves(Request(localPort: 9181, host: "gongzhi.example"), inMemoryServer: false));
        Assert.False(_management.Serves(Request(localPort: 5080, host: "127.0.0.1:9181"), inMemoryServer: false));
    }

    [Fact]
    public void A_unix_socket_or_named_pipe_request_naming_the_management_port_in_its_host_is_not_the_management_ports()
    {
        Assert.False(_management.Serves(Request(localPort: 0, host: "127.0.0.1:9181"), inMemoryServer: false));
    }

    [Fact]
    public void Only_the_in_memory_test_server_judges_by_the_host_header()
    {
        Assert.True(_management.Serves(Request(localPort: 0, host: "127.0.0.1:9181"), inMemoryServer: true));
        Assert.False(_management.Serves(Request(localPort: 0, host: "127.0.0.1:5080"), inMemoryServer: true));
    }

    [Fact]
    public void A_gateway_whose_public_url_uses_the_management_port_refuses_to_start_naming_both_settings()
    {
        using var gateway = fixture.Gateway(fixture.QuietQueueName).WithWebHostBuilder(web =>
        {
            web.UseSetting("urls", "http://127.0.0.1:5080;http://127.0.0.1:9183");
            web.UseSetting("Management:Urls", "http://127.0.0.1:9183");
        });

        var refusal = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        var messages = string.Join(" | ", Chain(refusal).Select(e => e.Message));
        Assert.Contains("http://127.0.0.1:9183 (urls / ASPNETCORE_URLS", messages);
        Assert.Contains("Management:Urls", messages);
    }

    [Theory]
    [InlineData("/metrics", HttpStatusCode.OK)]
    [InlineData("/healthz/live", HttpStatusCode.OK)]
    [InlineData("/", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/communities", HttpStatusCode.NotFound)]
    [InlineData("/openapi/v1.json", HttpStatusCode.NotFound)]
    [InlineData("/ops/orleans/", HttpStatusCode.NotFound)]
    public async Task The_management_port_answers_only_metrics_and_health(string path, HttpStatusCode expected)
    {
        await using var gateway = fixture.Gateway(fixture.QuietQueueName);
        var port = BindingAddress.Parse(gateway.Services.GetRequiredService<ManagementPort>().Urls[0]).Port;
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = $"127.0.0.1:{port}";

        var response = await gateway.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_public_port_still_serves_the_app_and_health()
    {
        await using var gateway = fixture.Gateway(fixture.QuietQueueName);
        var client = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    private static HttpContext Request(int localPort, string host)
    {
        var context = new DefaultHttpContext();
        context.Connection.LocalPort = localPort;
        context.Request.Host = new HostString(host);
        return context;
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
