using Gongzhi.Intake;

namespace Gongzhi.Gateway.Intake;

/// <summary>
/// Tells a silo's intake worker that messages are waiting, so it need not sleep out its idle poll. At most
/// one call is in flight; messages stored meanwhile are covered by one more call after it. A lost call
/// costs only latency: the worker still polls.
/// </summary>
public sealed class IntakeWakeUp(IClusterClient cluster, ILogger<IntakeWakeUp> logger)
{
    private int _state; // 0 idle, 1 calling, 2 calling and another call wanted after it

    public void Signal()
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (state == 2)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _state, state + 1, state) == state)
            {
                if (state == 0)
                {
                    // Outside the caller's context: one call wakes the worker for many residents' cases, in none of their traces.
                    using (ExecutionContext.SuppressFlow())
                    {
                        _ = Task.Run(CallAsync);
                    }
                }

                return;
            }
        }
    }

    private async Task CallAsync()
    {
        do
        {
            try
            {
                await cluster.GetGrain<IIntakeSignalGrain>(0).WakeAsync();
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "Could not wake the intake worker; it will find the messages at its next poll");
            }
        }
        while (Interlocked.Decrement(ref _state) > 0);
    }
}
