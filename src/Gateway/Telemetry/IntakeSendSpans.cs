using System.Diagnostics;

namespace Gongzhi.Gateway.Telemetry;

/// <summary>The span of one submission's way into the intake queue, whose context the submission carries to the silo.</summary>
internal static class IntakeSendSpans
{
    public const string SendName = "intake send";

    /// <summary>
    /// Starts the producer span under the current request; it lasts until the message holding the submission is
    /// stored (group commit included). Null when no one records traces.
    /// </summary>
    public static Activity? Start(CaseSubmission submission, string queueName)
    {
        var activity = GatewayTracing.Source.StartActivity(SendName, ActivityKind.Producer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "azure_queue");
            activity.SetTag("messaging.operation.type", "send");
            activity.SetTag("messaging.destination.name", queueName);
            activity.SetTag("gongzhi.case_id", submission.CaseId);
            activity.SetTag("gongzhi.community_id", submission.CommunityId);
        }

        return activity;
    }

    /// <summary>The submission with the current trace context (W3C), which the silo's intake worker continues.</summary>
    public static CaseSubmission Carrying(CaseSubmission submission) =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current
            ? submission with { TraceParent = current.Id, TraceState = current.TraceStateString }
            : submission;

    public static void Failed(Activity? activity, Exception error)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            activity.AddException(error);
        }
    }
}
