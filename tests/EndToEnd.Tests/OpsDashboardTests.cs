using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gongzhi.EndToEnd.Tests;

/// <summary>
/// The real Orleans Dashboard: the silo serves it on its management port to callers on this machine, and the gateway
/// serves it at <c>/ops/orleans/</c> to an admin's browser tab holding the ops ticket, and to nobody else.
/// </summary>
public sealed class OpsDashboardTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task The_silo_is_ready_and_its_dashboard_answers_on_loopback_with_the_cluster_it_sees()
    {
        using var management = new HttpClient { BaseAddress = system.SiloManagementAddress, Timeout = TimeSpan.FromSeconds(30) };

        await SiloReadyAsync(management);

        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/healthz/live")).StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", await management.GetStringAsync("/dashboard/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/dashboard/index.min.js")).StatusCode);
        var stats = await management.GetFromJsonAsync<JsonNode>("/dashboard/ClusterStats");
        Assert.NotNull(stats);
    }

    [Fact]
    public async Task The_gateway_serves_the_dashboard_to_an_admin_with_the_ticket_and_refuses_anyone_else()
    {
        using (var management = new HttpClient { BaseAddress = system.SiloManagementAddress, Timeout = TimeSpan.FromSeconds(30) })
        {
            await SiloReadyAsync(management);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Http.GetAsync("/ops/orleans/")).StatusCode);
        var dispatcher = await system.StaffAsync("dispatcher", "ximen-dispatcher", "ximen");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsync("/api/v1/auth/ops-ticket", null)).StatusCode);

        // A browser: the ticket's cookie is kept and sent back only under /ops.
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = system.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        using (var ticket = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/ops-ticket"))
        {
            ticket.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await system.TokenAsync("admin", "admin", "wenshang"));
            Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(ticket)).StatusCode);
        }

        var page = await browser.GetStringAsync("/ops/orleans/");
        Assert.Contains("<title>Orleans Dashboard</title>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/ops/orleans/index.min.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/ops/orleans/index.css")).StatusCode);
        var clusterStats = await browser.GetAsync("/ops/orleans/ClusterStats");
        Assert.Equal(HttpStatusCode.OK, clusterStats.StatusCode);
        Assert.Equal("application/json", clusterStats.Content.Headers.ContentType?.MediaType);
    }

    // The silo's port opens once its start-up (joining the cluster, loading the seeds) is done, which can follow the gateway's health.
    private static Task<HttpResponseMessage> SiloReadyAsync(HttpClient management) =>
        Eventually.GetAsync(() => management.GetAsync("/healthz/ready"), r => r.StatusCode == HttpStatusCode.OK, "the silo is ready", r => $"{r.StatusCode}", TimeSpan.FromSeconds(60));
}
