using System.Net;
using System.Net.Http.Json;
using Gongzhi.Testing;

namespace Gongzhi.EndToEnd.Tests;

/// <summary>
/// What Prometheus reads from the running processes: the silo's and the gateway's <c>/metrics</c> on their management
/// ports, with our own metrics beside Orleans', ASP.NET Core's and the runtime's; never on the gateway's public port.
/// </summary>
public sealed class MetricsScrapeTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task A_dispatched_case_shows_on_the_silos_metrics_beside_the_orleans_ones_and_its_acceptance_on_the_gateways()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        // Before any case: a silo that has activated no case grain still exports its intake gauges.
        await Eventually.GetAsync(() => http.GetStringAsync(new Uri(system.SiloManagementAddress, "/metrics")),
            m => m.Contains("gongzhi_intake_queue_depth", StringComparison.Ordinal), describe: m => $"{m.Length} characters without the intake queue's depth");

        var posted = await system.Http.PostAsJsonAsync("/api/v1/cases", new
        {
            communityId = "ximen",
            kind = "grievance",
            category = "owners-committee",
            description = "业委会选举，希望社区组织协商",
            location = new { compound = "jishikou-east", building = "3" },
            contact = new { name = "测试居民", phone = "13905371111" },
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        var silo = await Eventually.GetAsync(() => http.GetStringAsync(new Uri(system.SiloManagementAddress, "/metrics")),
            m => m.Contains("gongzhi_cases_dispatched_total", StringComparison.Ordinal), describe: m => $"{m.Length} characters without dispatches");
        Assert.Contains("gongzhi_backlog_waiting{", silo);
        Assert.Contains("community=\"ximen\"", silo);
        Assert.Contains("gongzhi_intake_queue_depth", silo);
        Assert.Contains("gongzhi_intake_queue_age_seconds", silo);
        Assert.Contains("orleans_", silo);
        Assert.Contains("dotnet_gc_", silo);

        var gateway = await http.GetStringAsync(new Uri(system.GatewayManagementAddress, "/metrics"));
        Assert.Contains("gongzhi_cases_accepted_total", gateway);
        Assert.Contains("gongzhi_intake_poison", gateway);
        Assert.Contains("kestrel_", gateway);
    }

    [Fact]
    public async Task The_gateways_public_port_does_not_serve_metrics_even_when_the_host_header_names_the_management_port()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(system.BaseAddress, "/metrics"));
        request.Headers.Host = $"127.0.0.1:{system.GatewayManagementAddress.Port}";

        var response = await system.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
