using System.Globalization;
using System.Net;
using Gongzhi.Gateway.Telemetry;
using Gongzhi.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// What Prometheus reads at <c>/metrics</c> on the gateway's management port, and that the public port does not serve it.
/// The in-memory test server has no sockets, so the Host header names the port here (a real socket's port decides in
/// production: see the end-to-end tests). The exporter keeps a scrape's answer for 300 ms, hence the waits. Each test
/// scrapes a gateway of its own: every gateway of this test process has a meter named Gongzhi.Gateway, and OpenTelemetry
/// stops recording an instrument it shares with a meter that was disposed (another test's gateway, gone).
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class MetricsEndpointTests(GatewayFixture fixture)
{
    [Fact]
    public async Task After_a_submission_the_management_port_shows_it_accepted_dispatched_and_pushed()
    {
        await using var gateway = fixture.Gateway("intake");
        var before = await ScrapeAsync(gateway);

        var (caseId, _, _) = await fixture.SubmitAssignedAsync(category: "suggestion");
        try
        {
            var after = await Eventually.GetAsync(() => ScrapeAsync(gateway), m => Value(m, "gongzhi_push_latency_seconds_count") > Value(before, "gongzhi_push_latency_seconds_count"),
                describe: m => $"{Value(m, "gongzhi_push_latency_seconds_count")} pushes");
            Assert.True(Value(after, "gongzhi_cases_accepted_total") >= Value(before, "gongzhi_cases_accepted_total") + 1);
            Assert.Contains("gongzhi_push_latency_seconds_bucket{", after);
            Assert.Contains("gongzhi_intake_poison", after);
            Assert.Contains("http_server_request_duration_seconds", after);
            Assert.Contains("dotnet_gc_", after);
        }
        finally
        {
            await fixture.ResolveQuietlyAsync(caseId);
        }
    }

    [Fact]
    public async Task A_hub_connection_counts_as_a_resident_connection_while_it_is_open()
    {
        await using var gateway = fixture.Gateway("intake");
        var before = Value(await ScrapeAsync(gateway), "gongzhi_signalr_connections", "kind=\"resident\"");

        await using (var hub = TestGateway.Hub(gateway, null))
        {
            await hub.StartAsync();
            await Eventually.HoldsAsync(async () => Value(await ScrapeAsync(gateway), "gongzhi_signalr_connections", "kind=\"resident\"") == before + 1);
        }

        await Eventually.HoldsAsync(async () => Value(await ScrapeAsync(gateway), "gongzhi_signalr_connections", "kind=\"resident\"") == before);
    }

    [Fact]
    public async Task The_public_port_answers_404_for_metrics()
    {
        var response = await fixture.Flow.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<string> ScrapeAsync(WebApplicationFactory<Program> gateway)
    {
        var port = BindingAddress.Parse(gateway.Services.GetRequiredService<ManagementPort>().Urls[0]).Port;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = $"127.0.0.1:{port}";
        var response = await gateway.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    // The sum of a metric's samples (over its label sets), those carrying the label when one is named; 0 when there are none.
    private static double Value(string exposition, string metric, string? label = null) =>
        exposition.Split('\n')
            .Where(line => (line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
                && (label is null || line.Contains(label, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture));
}
