using System.Diagnostics.Metrics;
using Gongzhi.Cases;

namespace Gongzhi.Silo.Telemetry;

/// <summary>
/// The silo's own instruments (meter <see cref="MeterName"/>), each fed where its fact happens: assignments and
/// resolutions when the case grain has stored them, the backlog from this silo's community activations, the intake
/// queue from the worker's own receives and <see cref="Hosting.QueueLengthPoll"/>.
/// </summary>
public sealed class SiloMetrics
{
    public const string MeterName = "Gongzhi.Silo";

    private readonly Counter<long> _dispatched;
    private readonly Counter<long> _resolved;

    public SiloMetrics(IMeterFactory meters, CommunityBacklog backlog, IntakeQueueWatch intake)
    {
        var meter = meters.Create(MeterName);
        _dispatched = meter.CreateCounter<long>("gongzhi.cases.dispatched", "{case}", "Cases assigned to a cadre, by the dispatch policy or by a dispatcher (stored).");
        _resolved = meter.CreateCounter<long>("gongzhi.cases.resolved", "{case}", "Cases resolved by their cadre (stored).");
        meter.CreateObservableGauge("gongzhi.backlog.waiting", backlog.Measure, "{case}", "Cases waiting for a cadre, per community active in this silo.");
        meter.CreateObservableGauge("gongzhi.intake.queue.depth", intake.MeasureDepth, "{message}", "Approximate messages in the intake queue, in-flight ones included.");
        meter.CreateObservableGauge("gongzhi.intake.queue.age", intake.MeasureAge, "s", "Age of the oldest intake message this silo's worker last received; 0 once a receive finds the queue empty.");
    }

    /// <summary>A case grain stored these events: assignments (the policy's or a dispatcher's) and resolutions count.</summary>
    public void Stored(IReadOnlyList<CaseEvent> events)
    {
        foreach (var e in events)
        {
            if (e.Type is CaseEventType.Assigned or CaseEventType.Reassigned)
            {
                _dispatched.Add(1);
            }
            else if (e.Type == CaseEventType.Resolved)
            {
                _resolved.Add(1);
            }
        }
    }
}
