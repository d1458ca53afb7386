using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// A meeting about cases (a video petition, a 7+X consultation): its record, stored through
/// <see cref="StoredState{T}"/>, and what it still owes the cases it concerns, which it hands them after each
/// stored step and again whenever it activates, until the record says they have heard it.
/// </summary>
internal abstract class MeetingGrain<TRecord>(StoredState<TRecord> stored, TimeProvider time, ILogger logger) : Grain
    where TRecord : class, new()
{
    protected StoredState<TRecord> Stored => stored;

    protected TRecord Record => stored.State;

    protected DateTimeOffset Now => time.GetUtcNow();

    protected ILogger Logger => logger;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await stored.ReadAsync();
        try
        {
            await DeliverAsync();
        }
        catch (Exception ex)
        {
            // The next command tries again; the meeting's own record is intact.
            logger.LogWarning(ex, "{Meeting} {MeetingId}: what it owes its cases could not be delivered yet", GetType().Name, this.GetPrimaryKeyString());
        }
    }

    /// <summary>Hands the cases what the record says they have not heard yet, and stores that they have.</summary>
    protected abstract Task DeliverAsync();
}
