namespace Gongzhi.Silo.Intake;

/// <summary>Wakes this silo's intake worker from its idle wait when a gateway says messages are waiting.</summary>
public sealed class IntakeSignal
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the first <see cref="Wake"/> after this call; take it before reading the queue.</summary>
    public Task Armed()
    {
        lock (_lock)
        {
            if (_next.Task.IsCompleted)
            {
                _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return _next.Task;
        }
    }

    public void Wake()
    {
        lock (_lock)
        {
            _next.TrySetResult();
        }
    }
}
