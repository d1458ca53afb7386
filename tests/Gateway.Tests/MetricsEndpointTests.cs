using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongzhi.Gateway.Realtime;
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
/// stops recording an instrument it shares with a meter that was disposed (another test's gateway, gone). For the same
/// reason a scrape shows every gateway of the process: what one gateway counted is read from its own meters.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class MetricsEndpointTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_submission_through_a_gateway_is_counted_accepted_and_pushed_by_that_gateway_and_scraped_from_its_management_port()
    {
        await using var gateway = fixture.Gateway("intake");
        using var own = new OwnInstruments(gateway.Services.GetRequiredService<IMeterFactory>());
        // The gateway hears the cluster's pushes once its observer is registered, which it does in the background as it starts.
        var registration = gateway.Services.GetRequiredService<ObserverRegistration>();
        await Eventually.GetAsync(() => Task.FromResult(registration.IsRegistered), registered => registered);
        var body = Submissions.Valid("suggestion");
        body["location"] = new JsonObject { ["compound"] = "huiqian-xinyuan", ["building"] = "A" };

        var response = await gateway.CreateClient().PostAsJsonAsync("/api/v1/cases", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var caseId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!.GetValue<string>();
        try
        {
            await Eventually.HoldsAsync(() => Task.FromResult(own.Count("gongzhi.push.latency") > 0));
            Assert.Equal(1, own.Count("gongzhi.cases.accepted"));
            var scraped = await Eventually.GetAsync(() => ScrapeAsync(gateway), m => Value(m, "gongzhi_push_latency_seconds_count") > 0,
                describe: m => $"{Value(m, "gongzhi_push_latency_seconds_count")} pushes");
            Assert.True(Value(scraped, "gongzhi_cases_accepted_total") >= 1);
            Assert.Contains("gongzhi_push_latency_seconds_bucket{", scraped);
            Assert.Contains("gongzhi_intake_poison", scraped);
            Assert.Contains("http_server_request_duration_seconds", scraped);
            Assert.Contains("dotnet_gc_", scraped);
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

    /// <summary>
    /// What one gateway's own instruments record (those its <see cref="IMeterFactory"/> made): OpenTelemetry's export is by
    /// meter name, process-wide, so a scrape alone would count every gateway of this test process.
    /// </summary>
    private sealed class OwnInstruments : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, int> _counts = new();

        public OwnInstruments(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Meter.Name == GatewayMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _counts.AddOrUpdate(instrument.Name, (int)value, (_, n) => n + (int)value));
            _listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => _counts.AddOrUpdate(instrument.Name, 1, (_, n) => n + 1));
            _listener.Start();
        }

        /// <summary>A counter's sum, or how many values a histogram recorded.</summary>
        public int Count(string instrument) => _counts.GetValueOrDefault(instrument);

        public void Dispose() => _listener.Dispose();
    }

    // The sum of a metric's samples (over its label sets), those carrying the label when one is named; 0 when there are none.
    private static double Value(string exposition, string metric, string? label = null) =>
        exposition.Split('\n')
            .Where(line => (line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
                && (label is null || line.Contains(label, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture));
}
