using System.Collections.Concurrent;
using System.Diagnostics;
using Gongzhi.Cases;
using Gongzhi.Gateway.Telemetry;

namespace Gongzhi.Gateway.Tests;

/// <summary>A push is a span of the trace whose observer call brought it, and starts no trace of its own.</summary>
public sealed class PushSpansTests : IDisposable
{
    private readonly string _caseId = "push-span-" + Guid.NewGuid().ToString("N")[..8];
    private readonly ConcurrentBag<Activity> _started = [];
    private readonly ActivityListener _listener;

    public PushSpansTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Gongzhi.Gateway",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = _started.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public void An_update_that_arrives_outside_any_trace_starts_no_push_span()
    {
        Activity.Current = null; // as for a timer's, a reminder's or a replay's update

        PushSpans.Queue(Update());

        Assert.Empty(Pushes);
    }

    [Fact]
    public void An_update_that_arrives_in_an_observer_calls_trace_gets_its_push_span_there()
    {
        using var observerCall = new Activity("IDispatchObserver/OnCaseUpdatesAsync").Start();
        var update = Update();

        PushSpans.Queue(update);
        PushSpans.Sent(update, Task.CompletedTask);

        var push = Assert.Single(Pushes);
        Assert.Equal(observerCall.TraceId, push.TraceId);
        Assert.Equal(observerCall.SpanId, push.ParentSpanId);
        Assert.Same(observerCall, Activity.Current);
    }

    // Tags are set after the start: read them now. Other tests' pushes carry other case ids.
    private Activity[] Pushes => [.. _started.Where(a => Equals(a.GetTagItem("gongzhi.case_id"), _caseId))];

    public void Dispose() => _listener.Dispose();

    private CaseUpdate Update()
    {
        var e = new CaseEvent(1, CaseEventType.Accepted, CaseStatus.Accepted, DateTimeOffset.UnixEpoch, "system", null, null);
        return new CaseUpdate(_caseId, "ximen", 1, CaseStatus.Accepted, HandlingMode.DoItNow, null, null, e, e.At);
    }
}
