using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Realtime;
using Gongzhi.Silo.Domain;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// One case: applies the lifecycle rules, persists before it tells anyone, then pushes each new event
/// through the dispatch registry. Calls go down the chain (case → community → cadre) only.
/// </summary>
internal sealed class CaseGrain(
    [PersistentState("case", StorageNames.Gongzhi)] IPersistentState<CaseRecord> state,
    TimeProvider time,
    ILogger<CaseGrain> logger) : Grain, ICaseGrain
{
    private CaseRecord Record => state.State;

    public async Task SubmitAsync(CaseSubmission submission)
    {
        if (submission.CaseId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Submission {submission.CaseId} reached case {this.GetPrimaryKeyString()}.", nameof(submission));
        }

        if (Record.Submission is not null && (Record.Status != CaseStatus.Accepted || Record.AssigneeId is not null))
        {
            return;
        }

        // The community's dispatch is idempotent on the case id, so a redelivered submission finds the same answer.
        var now = time.GetUtcNow();
        var decision = await Community(submission.CommunityId).DispatchAsync(submission.CaseId, submission.Category);
        var events = new List<CaseEvent>(CaseLifecycle.Submit(Record, submission, decision.Mode, now).Events);
        events.AddRange(decision.Assignment is { } assignment
            ? CaseLifecycle.Assign(Record, assignment).Events
            : CaseLifecycle.Wait(Record, now).Events);
        await CommitAsync(events);
        logger.LogInformation("Case {CaseId} accepted in {CommunityId}, assigned to {CadreId}", submission.CaseId, submission.CommunityId, Record.AssigneeId);
    }

    public Task<CaseSnapshot?> GetAsync() =>
        Task.FromResult(Record.Submission is null ? null : Record.ToSnapshot());

    public Task<CaseCommandResult> AcknowledgeAsync(string cadreId) =>
        ApplyAsync(CaseLifecycle.Acknowledge(Record, cadreId, time.GetUtcNow()), () => Task.CompletedTask);

    public Task<CaseCommandResult> ResolveAsync(string cadreId, string note) =>
        ApplyAsync(
            CaseLifecycle.Resolve(Record, cadreId, note, time.GetUtcNow()),
            () => Community(Record.Submission!.CommunityId).CaseResolvedAsync(this.GetPrimaryKeyString(), cadreId));

    public Task<CaseCommandResult> RateAsync(SatisfactionRating rating, string? comment) =>
        ApplyAsync(
            CaseLifecycle.Rate(Record, rating, comment, time.GetUtcNow()),
            () => Community(Record.Submission!.CommunityId).CaseClosedAsync(this.GetPrimaryKeyString()));

    public async Task OnAssignedAsync(Assignment assignment)
    {
        var transition = CaseLifecycle.Assign(Record, assignment);
        if (transition.Outcome != CommandOutcome.Ok)
        {
            logger.LogWarning("Case {CaseId} ignored assignment to {CadreId}: {Reason}", assignment.CaseId, assignment.CadreId, transition.Reason);
            return;
        }

        await CommitAsync(transition.Events);
    }

    private async Task<CaseCommandResult> ApplyAsync(CaseTransition transition, Func<Task> afterCommit)
    {
        if (transition.Outcome != CommandOutcome.Ok)
        {
            return CaseCommandResult.Refused(transition.Outcome, transition.Reason ?? transition.Outcome.ToString());
        }

        await CommitAsync(transition.Events);
        await afterCommit();
        return CaseCommandResult.Ok(Record.ToSnapshot());
    }

    private async Task CommitAsync(IReadOnlyList<CaseEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        await state.WriteStateAsync();
        var updates = events.Select(Record.ToUpdate).ToArray();
        await GrainFactory.GetGrain<IDispatchRegistryGrain>(0).PublishCaseUpdatesAsync(updates);
    }

    private ICommunityGrain Community(string communityId) => GrainFactory.GetGrain<ICommunityGrain>(communityId);
}
