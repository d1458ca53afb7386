using System.Diagnostics;
using Gongzhi.Cases;

namespace Gongzhi.Telemetry;

/// <summary>What the intake spans of the gateway and the silo record alike, by OpenTelemetry's messaging conventions.</summary>
public static class SpanTags
{
    /// <summary>The queue, the operation (send | process) and the case.</summary>
    public static void Intake(Activity? activity, string operation, string queueName, CaseSubmission submission)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.SetTag("messaging.system", "azure_queue");
        activity.SetTag("messaging.operation.type", operation);
        activity.SetTag("messaging.destination.name", queueName);
        activity.SetTag("gongzhi.case_id", submission.CaseId);
        activity.SetTag("gongzhi.community_id", submission.CommunityId);
    }

    /// <summary>Marks the span failed with the error that ended it.</summary>
    public static void Failed(Activity? activity, Exception error)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            activity.AddException(error);
        }
    }
}
