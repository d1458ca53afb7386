using System.Diagnostics;
using Gongzhi.Cases;
using Gongzhi.Telemetry;

namespace Gongzhi.Silo.Telemetry;

/// <summary>The span of one submission's processing by the intake worker, in the trace of the request that submitted it.</summary>
internal static class IntakeSpans
{
    public const string ProcessName = "intake process";

    /// <summary>
    /// Starts the consumer span under the submission's <see cref="CaseSubmission.TraceParent"/>; a submission without
    /// one (written before traces were carried) or with an unreadable one starts a trace of its own. Null when no one
    /// records traces.
    /// </summary>
    public static Activity? StartProcess(CaseSubmission submission, string queueName)
    {
        if (!SiloTracing.Source.HasListeners())
        {
            return null;
        }

        ActivityContext.TryParse(submission.TraceParent, submission.TraceState, isRemote: true, out var parent);
        var activity = SiloTracing.Source.StartActivity(ProcessName, ActivityKind.Consumer, parent);
        SpanTags.Intake(activity, "process", queueName, submission);
        return activity;
    }
}
