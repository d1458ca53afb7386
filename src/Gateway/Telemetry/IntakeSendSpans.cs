using System.Diagnostics;
using Gongzhi.Telemetry;

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
        SpanTags.Intake(activity, "send", queueName, submission);
        return activity;
    }

    /// <summary>The submission with the current trace context (W3C), which the silo's intake worker continues.</summary>
    public static CaseSubmission Carrying(CaseSubmission submission) =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current
            ? submission with { TraceParent = current.Id, TraceState = current.TraceStateString }
            : submission;
}
