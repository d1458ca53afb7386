using System.Diagnostics.Metrics;
using System.Security.Claims;
using Gongzhi.Gateway.Auth;
using Gongzhi.Hosting;

namespace Gongzhi.Gateway.Telemetry;

/// <summary>
/// The gateway's own instruments (meter <see cref="MeterName"/>, exported at <c>/metrics</c> on the management port and
/// readable with <c>dotnet-counters monitor --counters Gongzhi.Gateway</c>), each fed where its fact happens: the 202
/// of a submission, the push pump's hand-off to SignalR, the hub's connect and disconnect, the poison queue's poll.
/// </summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "Gongzhi.Gateway";

    /// <summary>The key of the poison queue's <see cref="QueueLengthPoll"/>.</summary>
    public const string PoisonPoll = "poison";

    // Seconds: a push is meant to reach a phone "the moment" a case is assigned; past 10 s it is late whatever the bucket.
    private static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _accepted;
    private readonly Histogram<double> _pushLatency;
    private readonly Counter<long> _held;
    private readonly UpDownCounter<long> _connections;

    public GatewayMetrics(IMeterFactory meters, [FromKeyedServices(PoisonPoll)] QueueLengthPoll? poison = null)
    {
        var meter = meters.Create(MeterName);
        _accepted = meter.CreateCounter<long>("gongzhi.cases.accepted", "{case}", "Submissions accepted into the intake queue (answered 202).");
        _pushLatency = meter.CreateHistogram("gongzhi.push.latency", "s", "From a case event (its time in the case grain) to its push being handed to SignalR here.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _held = meter.CreateCounter<long>("gongzhi.push.held", "{update}", "Case updates held back for a missing predecessor.");
        _connections = meter.CreateUpDownCounter<long>("gongzhi.signalr.connections", "{connection}", "Open hub connections on this gateway, by kind (staff, resident).");
        meter.CreateObservableGauge("gongzhi.intake.poison", () => poison?.Length is { } length ? [new Measurement<int>(length)] : Array.Empty<Measurement<int>>(),
            "{message}", "Intake messages set aside in the poison queue, waiting for an admin's replay.");
    }

    public void Accepted() => _accepted.Add(1);

    /// <summary>An update goes to SignalR <paramref name="latency"/> after its event (never below 0: the silo's clock may run ahead a little).</summary>
    public void Pushed(TimeSpan latency) => _pushLatency.Record(Math.Max(0, latency.TotalSeconds));

    public void Held() => _held.Add(1);

    public void Connected(ClaimsPrincipal? user) => _connections.Add(1, Kind(user));

    public void Disconnected(ClaimsPrincipal? user) => _connections.Add(-1, Kind(user));

    // Staff connect with a token carrying a role; residents follow their case by tracking token, without one.
    private static KeyValuePair<string, object?> Kind(ClaimsPrincipal? user) => new("kind", user?.Role() is null ? "resident" : "staff");
}
