using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Domain;

namespace Gongzhi.Silo.Grains;

/// <summary>Carrying a command's change through: the community call it needs, the write, and what the write owes other grains (<see cref="CaseFollowUp"/>), retried until done.</summary>
internal sealed partial class CaseGrain
{
    // After the rules ran: release the cadre who lost the case and find another when needed (one community call), then commit once.
    private async Task FollowThroughAsync(CaseTransition transition, string? ownerBefore)
    {
        if (!transition.Changed)
        {
            return;
        }

        try
        {
            if (transition.NeedsDispatch && Record.AwaitsCadre)
            {
                var decision = await Community(Record.CommunityId).RedispatchAsync(Record.Submission!, transition.ReleasedCadreId, Record.PassedOver);
                transition = transition.Then(Place(decision, Now));
            }
            else if (transition.ReleasedCadreId is { } released)
            {
                await Community(Record.CommunityId).ReleaseAsync(Record.CaseId, released);
            }
        }
        catch (Exception ex)
        {
            // The record changed, but will not be stored as it is.
            _state.Forget(ex);
            throw;
        }

        // A follow-up still owed is retried by the grain; the change itself is stored.
        await CommitAsync(transition, ownerBefore);
    }

    private CaseTransition Place(DispatchDecision decision, DateTimeOffset now) =>
        decision.Assignment is { } assignment ? CaseLifecycle.Assign(Record, assignment) : CaseLifecycle.Wait(Record, now);

    // Stores the change, then carries it to the other grains. A dispatch answered ahead of its write is confirmed before
    // the commit answers; a failed confirmation is owed like a follow-up (D16-dispatch-ahead).
    private async Task<CommitOutcome> CommitAsync(CaseTransition transition, string? ownerBefore = null, Func<Task>? confirmDispatch = null)
    {
        if (!transition.Changed)
        {
            if (confirmDispatch is not null)
            {
                await confirmDispatch();
            }

            return CommitOutcome.Carried;
        }

        var deadline = DeadlineRules.Next(Record);
        var deadlineMoved = deadline != Record.WatchedDeadline;
        Record.WatchedDeadline = deadline;
        var unconfirmed = confirmDispatch is not null || Record.FollowUp is { DispatchUnconfirmed: true };
        var followUp = Record.FollowUp = new CaseFollowUp(transition.Events[0].Seq, transition.ReleasedCadreId, ownerBefore, unconfirmed);
        try
        {
            await ArchiveOldEventsAsync();
        }
        catch (Exception ex)
        {
            _state.Forget(ex);
            throw;
        }

        var confirmed = confirmDispatch?.Invoke();
        try
        {
            // A write that fails, or may have been stored after all, makes the case reload (the row's rule).
            if (_known)
            {
                await _state.WriteAsync();
            }
            else if (!await _state.TryWriteNewAsync())
            {
                Unawaited(confirmed);
                return CommitOutcome.RowFound;
            }
        }
        catch
        {
            Unawaited(confirmed);
            throw;
        }

        _known = true;
        services.Metrics.Stored(transition.Events);
        // The row holds the cadre, so the pushes go now; the intake message goes only once the community's write is stored.
        var carried = await FollowUpAsync(followUp, retry: false, deadlineMoved);
        if (confirmed is not null)
        {
            try
            {
                await confirmed;
            }
            catch (Exception ex)
            {
                // The community's write failed, or it holds the case otherwise now: the retry puts the case back as stored.
                Record.FollowUp = followUp;
                OweFollowUp(ex, followUp);
                return CommitOutcome.FollowUpOwed;
            }
        }

        return carried ? CommitOutcome.Carried : CommitOutcome.FollowUpOwed;
    }

    // The change is stored; what it owes other grains is done now, or retried from the stored record until done.
    private async Task<bool> FollowUpAsync(CaseFollowUp followUp, bool retry, bool deadlineMoved)
    {
        try
        {
            await CaseFollowUps.RunAsync(services.Grains, Record, followUp, retry, deadlineMoved);
        }
        catch (Exception ex)
        {
            OweFollowUp(ex, followUp);
            return false;
        }

        if (Record.FollowUp == followUp)
        {
            Record.FollowUp = null;
            _followUpRetry?.Dispose();
            _followUpRetry = null;
        }

        return true;
    }

    // A confirmation not waited for, as the row was not written: a stored row's retry restores the community (CaseFollowUps).
    private static void Unawaited(Task? confirmation) =>
        _ = confirmation?.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);

    private void OweFollowUp(Exception error, CaseFollowUp followUp)
    {
        services.Logger.LogWarning(error, "Case {CaseId}: what the change from seq {Seq} owes other grains failed; retrying", Record.CaseId, followUp.FromSeq);
        _followUpRetry ??= this.RegisterGrainTimer(RetryFollowUpAsync, FollowUpRetryPeriod, FollowUpRetryPeriod);
    }

    private Task RetryFollowUpAsync(CancellationToken cancellationToken) =>
        Record.FollowUp is { } pending ? FollowUpAsync(pending, retry: true, deadlineMoved: true) : Task.CompletedTask;

    private ICommunityGrain Community(string communityId) => services.Grains.Community(communityId);

    private enum CommitOutcome
    {
        /// <summary>Stored, and carried to the other grains.</summary>
        Carried,

        /// <summary>Stored; what the write owes other grains is retried by the grain's timer.</summary>
        FollowUpOwed,

        /// <summary>Written unread as a new case, the row was there already: nothing written, the submission goes on from what is stored.</summary>
        RowFound,
    }
}
