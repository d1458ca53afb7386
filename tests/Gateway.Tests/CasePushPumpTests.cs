using Gongzhi.Cases;
using Gongzhi.Gateway.Realtime;
using Gongzhi.Gateway.Telemetry;
using Gongzhi.Testing;
using Microsoft.Extensions.Time.Testing;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// The gateway's push pump on its own, with a stand-in for SignalR's send. In the gateway collection: the meter it
/// creates and disposes must not run beside the tests that scrape a gateway's metrics (see <see cref="MetricsEndpointTests"/>).
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class CasePushPumpTests
{
    private static CaseUpdate Update(string caseId, int seq)
    {
        var e = new CaseEvent(seq, CaseEventType.Accepted, CaseStatus.Accepted, DateTimeOffset.UnixEpoch, "system", null, null);
        return new CaseUpdate(caseId, "ximen", seq, CaseStatus.Accepted, HandlingMode.DoItNow, null, null, e, e.At);
    }

    [Fact]
    public async Task A_connection_that_stopped_reading_holds_up_no_one_and_every_case_still_goes_out_in_seq_order()
    {
        var stuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = new List<(string CaseId, int Seq)>();
        var allSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var pump = new CasePushPump(new CaseUpdateSequencer(TimeProvider.System), new GatewayMetrics(services.GetRequiredService<IMeterFactory>()), TimeProvider.System,
            NullLogger<CasePushPump>.Instance);
        pump.Send = update =>
        {
            lock (sent)
            {
                sent.Add((update.CaseId, update.Seq));
                if (sent.Count == 5)
                {
                    allSent.TrySetResult();
                }
            }

            // The phone watching case "a" never reads: its sends never finish.
            return update.CaseId == "a" ? stuck.Task : Task.CompletedTask;
        };
        await pump.StartAsync(CancellationToken.None);

        pump.Post([Update("a", 1), Update("a", 2)]);
        pump.Post([Update("b", 1), Update("a", 3), Update("b", 2)]);

        await allSent.Task.WaitAsync(TimeSpan.FromSeconds(20));
        lock (sent)
        {
            Assert.Equal([1, 2, 3], sent.Where(s => s.CaseId == "a").Select(s => s.Seq));
            Assert.Equal([1, 2], sent.Where(s => s.CaseId == "b").Select(s => s.Seq));
        }

        await pump.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Push_latency_runs_from_the_case_event_to_the_hand_off_to_SignalR()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddMilliseconds(1500));
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var latency = new InstrumentRecorder(meters, GatewayMetrics.MeterName, "gongzhi.push.latency");
        using var pump = new CasePushPump(new CaseUpdateSequencer(TimeProvider.System), new GatewayMetrics(meters), clock, NullLogger<CasePushPump>.Instance);
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pump.Send = _ =>
        {
            sent.TrySetResult();
            return Task.CompletedTask;
        };
        await pump.StartAsync(CancellationToken.None);

        pump.Post([Update("c", 1)]);

        await sent.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal([1.5], latency.Measurements.Select(m => m.Value));
        await pump.StopAsync(CancellationToken.None);
    }
}
