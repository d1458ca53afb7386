using System.Text.Json;
using Gongzhi.Intake;

namespace Gongzhi.Silo.Intake;

/// <summary>
/// Tells the failures that can never succeed from those a retry may cure. Only a submission the system refuses
/// as it stands is permanent; silos that died, timeouts, rejected messages, storage errors and stale ETags are
/// all transient, as is anything not known, so nothing is set aside while it might still become a case.
/// </summary>
internal static class IntakeFailures
{
    public static bool IsPermanent(Exception error) => error switch
    {
        SubmissionRefusedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsPermanent),
        _ => error.InnerException is { } inner && IsPermanent(inner),
    };

    /// <summary>The body is not an intake message at all: it never will be.</summary>
    public static bool IsUnreadable(Exception error) => error is JsonException or NotSupportedException or ArgumentException;
}
