namespace Gongzhi.Intake;

/// <summary>
/// A gateway's nudge after it stored intake messages: the silo's worker reads the queue now instead of at
/// its next idle poll. Losing a nudge costs only latency, never a case: the worker still polls.
/// </summary>
[Alias("gongzhi.IIntakeSignalGrain")]
public interface IIntakeSignalGrain : IGrainWithIntegerKey
{
    /// <summary>Wakes the intake worker of the silo this activation runs on; answers at once.</summary>
    [Alias("Wake")]
    Task WakeAsync();
}
