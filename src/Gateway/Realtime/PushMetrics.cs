using System.Diagnostics.Metrics;

namespace Gongzhi.Gateway.Realtime;

/// <summary>
/// The gateway's share of a push, readable from outside (`dotnet-counters monitor --counters Gongzhi.Gateway`):
/// how long an update waits in this gateway before it is handed to SignalR, and how many were held for a
/// missing predecessor.
/// </summary>
public sealed class PushMetrics
{
    public const string MeterName = "Gongzhi.Gateway";

    private readonly Histogram<double> _delay;
    private readonly Counter<long> _held;

    public PushMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _delay = meter.CreateHistogram<double>("gongzhi.push.gateway_delay", "ms", "From a case update reaching this gateway to its push being handed to SignalR.");
        _held = meter.CreateCounter<long>("gongzhi.push.held", "{update}", "Case updates held back for a missing predecessor.");
    }

    public void Sent(TimeSpan delay) => _delay.Record(delay.TotalMilliseconds);

    public void Held() => _held.Add(1);
}
