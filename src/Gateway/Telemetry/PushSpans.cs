using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Gongzhi.Gateway.Telemetry;

/// <summary>
/// The span of one case update's push: started when the cluster's observer call queues it (under that call's span),
/// ended once <see cref="Realtime.CasePushPump"/> has handed it to SignalR, so a push held for its seq order shows as long.
/// </summary>
internal static class PushSpans
{
    public const string PushName = "push caseUpdated";

    // Keyed by the update itself; an update the sequencer drops (a duplicate) takes its unended span with it.
    private static readonly ConditionalWeakTable<CaseUpdate, Activity> Queued = new();

    /// <summary>
    /// Starts the update's span without making it the current one: the observer call goes on as it was. An update that
    /// arrives outside any trace (a timer's, a reminder's, a replay's) gets none: it would be a one-span trace of its own.
    /// </summary>
    public static void Queue(CaseUpdate update)
    {
        var current = Activity.Current;
        if (current is null || !GatewayTracing.Source.HasListeners())
        {
            return;
        }

        var activity = GatewayTracing.Source.StartActivity(PushName, ActivityKind.Producer);
        Activity.Current = current;
        if (activity is null)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag("messaging.system", "signalr");
            activity.SetTag("messaging.operation.type", "send");
            activity.SetTag("gongzhi.case_id", update.CaseId);
            activity.SetTag("gongzhi.community_id", update.CommunityId);
            activity.SetTag("gongzhi.case.seq", update.Seq);
        }

        Queued.AddOrUpdate(update, activity);
    }

    /// <summary>Ends the update's span once its send has started; a send that failed at once marks it failed.</summary>
    public static void Sent(CaseUpdate update, Task sending)
    {
        if (!GatewayTracing.Source.HasListeners() || !Queued.TryGetValue(update, out var activity))
        {
            return;
        }

        Queued.Remove(update);
        if (sending.IsFaulted && activity.IsAllDataRequested)
        {
            activity.SetStatus(ActivityStatusCode.Error, sending.Exception?.InnerException?.GetType().Name);
        }

        activity.Stop();
    }
}
