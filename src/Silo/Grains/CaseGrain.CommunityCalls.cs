using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Domain;

namespace Gongzhi.Silo.Grains;

/// <summary>What a case's community asks of it: to apply the deadlines its watch says have come, and to take a cadre it found later.</summary>
internal sealed partial class CaseGrain
{
    public async Task CheckDeadlinesAsync()
    {
        var ownerBefore = Record.Submission is null ? null : Record.LevelOwnerId;
        var transition = DeadlineRules.Apply(Record, Now);
        if (transition.Changed)
        {
            services.Logger.LogInformation("Case {CaseId}: deadlines passed: {Events}", Record.CaseId, string.Join(", ", transition.Events.Select(e => e.Type)));
        }

        await FollowThroughAsync(transition, ownerBefore);
    }

    public async Task RecheckDeadlinesAsync()
    {
        if (Record.Submission is null)
        {
            return;
        }

        if (Record.AwaitsCadre)
        {
            // A waiting case asks again: news of its cadre may have been lost with a silo (dispatch is idempotent).
            var decision = await Community(Record.CommunityId).DispatchAsync(Record.Submission, Record.PassedOver);
            if (decision.Assignment is { } assignment)
            {
                await CommitAsync(CaseLifecycle.Assign(Record, assignment));
            }
        }

        // The watch took the case off when it asked, so it knows of no deadline now. A commit below tells it of
        // the next one; without a commit, say it here: once either way.
        Record.WatchedDeadline = null;
        await CheckDeadlinesAsync();
        if (Record.WatchedDeadline is null && DeadlineRules.Next(Record) is { } next)
        {
            Record.WatchedDeadline = next;
            await Community(Record.CommunityId).TrackDeadlineAsync(Record.CaseId, next);
        }
    }

    // Cases from before the community's deadline watch had a reminder of their own: drop it and join the watch.
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await RecheckDeadlinesAsync();
    }

    public async Task OnAssignedAsync(Assignment assignment)
    {
        var transition = CaseLifecycle.Assign(Record, assignment);
        if (transition.Outcome != CommandOutcome.Ok)
        {
            services.Logger.LogWarning("Case {CaseId} ignored assignment to {CadreId}: {Refusal}", assignment.CaseId, assignment.CadreId, transition.Refusal);
        }
        else
        {
            await CommitAsync(transition);
        }

        await Community(Record.CommunityId).AssignmentHeardAsync(Record.CaseId);
    }
}
