namespace Gongzhi.Silo.Storage;

/// <summary>
/// Shares writes among callers: <see cref="SaveAsync"/> answers once a write that started after the call is done,
/// and calls arriving while a write is under way share the next one, so a surge of changes costs a few writes
/// however many changes it brings. Runs on the grain's turns (the grain may be reentrant).
/// </summary>
/// <param name="writeAsync">Writes whatever changed so far; failing, it must keep that for the next write.</param>
internal sealed class CoalescedWrites(Func<Task> writeAsync)
{
    private TaskCompletionSource? _nextRound;
    private Task _rounds = Task.CompletedTask;

    /// <summary>Answers once everything changed before this call is stored; fails if that write failed.</summary>
    public Task SaveAsync()
    {
        _nextRound ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = _nextRound.Task;
        if (_rounds.IsCompleted)
        {
            _rounds = RunRoundsAsync();
        }

        return done;
    }

    private async Task RunRoundsAsync()
    {
        while (_nextRound is { } round)
        {
            _nextRound = null;
            try
            {
                await writeAsync();
                round.SetResult();
            }
            catch (Exception ex)
            {
                round.SetException(ex);
            }
        }
    }
}
