using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Intake;
using Gongzhi.Ladder;
using Gongzhi.Metrics;
using Gongzhi.Realtime;
using Gongzhi.Silo.Archive;
using Gongzhi.Silo.Domain;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// One case: applies the rules in <see cref="Domain"/>, asks its community for a cadre when it needs one,
/// persists before telling anyone, then pushes each new event and keeps its community's deadline watch and
/// its level's queue in step. Calls go down the chain (case → community) only; the community answers one-way.
/// </summary>
/// <remarks>
/// The state is read and written through the storage provider directly, not through
/// <c>[PersistentState]</c>: its bridge and the grain lifecycle it brings cost ~0.4 KB per activation,
/// and a silo holds a case grain for every case in use (issue 5, S4). For the same reason it keeps the row's ETag
/// packed (<see cref="PackedGrainState{T}"/>).
/// </remarks>
internal sealed class CaseGrain(CaseGrainServices services) : IGrainBase, ICaseGrain, IRemindable
{
    // IGrainBase rather than Grain, which also keeps a reference to the runtime (8 B per case). The context comes
    // through the singleton accessor: an IGrainContext parameter is scoped and would be cached in the activation's scope.
    public IGrainContext GrainContext { get; } = services.GrainContextAccessor.GrainContext;

    // The archived part of the timeline, read once per activation when someone asks for the whole case.
    private List<CaseEvent>? _archived;

    private const string StateName = "case";

    private static readonly TimeSpan FollowUpRetryPeriod = TimeSpan.FromSeconds(2);

    private IGrainTimer? _followUpRetry;

    private readonly PackedGrainState<CaseRecord> _state = new(new CaseRecord());

    private CaseRecord Record => _state.State!;

    public async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await services.Storage.ReadStateAsync(StateName, this.GetGrainId(), _state);
        _state.State ??= new CaseRecord();
        // A row read from storage brings its own copy of every id; point them at the silo's shared ones.
        Record.ShareStrings(SharedStrings.Cases);
        if (Record.FollowUp is not null)
        {
            // The last write may not have reached the other grains before the silo that made it stopped. Not at once:
            // after a restart many cases activate together, and the calls that woke them come first.
            _followUpRetry = this.RegisterGrainTimer(RetryFollowUpAsync, FollowUpRetryPeriod, FollowUpRetryPeriod);
        }
    }

    private DateTimeOffset Now => services.Time.GetUtcNow();

    public async Task SubmitAsync(CaseSubmission submission)
    {
        if (submission.CaseId != this.GetPrimaryKeyString())
        {
            throw new SubmissionRefusedException($"Submission {submission.CaseId} reached case {this.GetPrimaryKeyString()}.");
        }

        if (Record.Submission is not null && !(Record.Status == CaseStatus.Accepted && Record.AssigneeId is null && Record.ReopenCount == 0))
        {
            // Redelivered: the case is stored; the message goes only once what the write owes is done too.
            if (Record.FollowUp is { } pending && !await FollowUpAsync(pending, retry: true, deadlineMoved: true))
            {
                throw new TimeoutException($"Case {submission.CaseId} is stored, but its dispatch is not yet carried to the other grains.");
            }

            return;
        }

        // Each intake message brings its own copies; the shared ones also serve the community's and metrics' entries.
        submission = CaseRecord.Kept(submission, SharedStrings.Cases);

        // The community's dispatch is idempotent on the case id, so a redelivered submission finds the same answer.
        var now = Now;
        var decision = await Community(submission.CommunityId).DispatchAsync(submission, Record.PassedOver);
        // The community makes new terms per dispatch; cases with the same terms share one instance.
        var transition = CaseLifecycle.Submit(Record, submission, decision.Mode, SharedStrings.Cases.ShareRecord(decision.Terms), now).Then(Place(decision, now));
        Record.PossibleDuplicates = [.. decision.PossibleDuplicates];
        if (!await CommitAsync(transition))
        {
            // The intake message stays and comes back; the grain retries meanwhile.
            throw new TimeoutException($"Case {submission.CaseId} is stored, but its dispatch is not yet carried to the other grains.");
        }

        services.Logger.LogInformation("Case {CaseId} accepted in {CommunityId}, assigned to {CadreId}", submission.CaseId, submission.CommunityId, Record.AssigneeId);
    }

    public async Task<CaseSnapshot?> GetAsync() => Record.Submission is null ? null : await SnapshotAsync();

    public Task<CaseCommandResult> AcknowledgeAsync(string cadreId, int? expectedSeq = null) =>
        RunAsync(expectedSeq, () => CaseLifecycle.Acknowledge(Record, cadreId, Now));

    public Task<CaseCommandResult> DeclineAsync(string cadreId, string reason, int? expectedSeq = null) =>
        RunAsync(expectedSeq, () => CaseLifecycle.Decline(Record, cadreId, reason, Now));

    public async Task<CaseCommandResult> AssignAsync(CaseActor dispatcher, string cadreId, int? expectedSeq = null)
    {
        if (Stale(expectedSeq) is { } stale)
        {
            return stale;
        }

        if (Record.Submission is null || Record.Status is CaseStatus.Resolved or CaseStatus.Closed)
        {
            return Refused(CaseRefusals.NotOpen(Record, "Only an open, unresolved case can be assigned."));
        }

        if (Record.AssigneeId == cadreId)
        {
            return Refused(CaseRefusals.Conflict(RefusalCodes.AlreadyAssigned, "The case is already assigned to that cadre.", ("cadreId", cadreId)));
        }

        var manual = await Community(Record.CommunityId).AssignToAsync(Record.CaseId, Record.Submission.Category, cadreId);
        if (manual.Assignment is null)
        {
            return CaseCommandResult.Refused(CommandOutcome.Conflict, manual.Refusal!);
        }

        return await RunAsync(null, () => CaseLifecycle.Reassign(Record, manual.Assignment, dispatcher));
    }

    public Task<CaseCommandResult> ChangeModeAsync(CaseActor dispatcher, HandlingMode mode, int? expectedSeq = null) =>
        RunAsync(expectedSeq, () => ModeWorkflow.ChangeMode(Record, mode, dispatcher, Now));

    public Task<CaseCommandResult> StepAsync(CaseActor actor, CaseStep step, int? expectedSeq = null) =>
        RunAsync(expectedSeq, () => ModeWorkflow.Step(Record, actor, step, Now));

    public Task<CaseCommandResult> ResolveAsync(CaseActor actor, string note, string? photoUrl = null, int? expectedSeq = null) =>
        RunAsync(expectedSeq, () => CaseLifecycle.Resolve(Record, actor, note, photoUrl, Now));

    public Task<CaseCommandResult> EscalateAsync(CaseActor actor, string reason, int? expectedSeq = null) =>
        RunAsync(expectedSeq, () => EscalationLadder.Escalate(Record, actor, reason, Now));

    public Task<CaseCommandResult> ReturnAsync(CaseActor actor, string instructions, int? expectedSeq = null) =>
        RunAsync(expectedSeq, () => EscalationLadder.Return(Record, actor, instructions, Now));

    public Task<CaseCommandResult> RateAsync(SatisfactionRating rating, string? comment, int? expectedSeq = null) =>
        RunAsync(expectedSeq, () => CaseLifecycle.Rate(Record, rating, comment, Now));

    public async Task<CaseCommandResult> MergeIntoAsync(CaseActor dispatcher, string primaryCaseId, int? expectedSeq = null)
    {
        if (Stale(expectedSeq) is { } stale)
        {
            return stale;
        }

        if (Record.Submission is null || !Record.IsOpen || primaryCaseId == Record.CaseId)
        {
            return Refused(Record.Submission is null || !Record.IsOpen
                ? CaseRefusals.NotOpen(Record, "Only an open case can be merged.")
                : CaseRefusals.Conflict(RefusalCodes.MergeIntoSelf, "A case cannot be merged into itself."));
        }

        var joined = await services.GrainFactory.GetGrain<ICaseGrain>(primaryCaseId).AddFollowerAsync(Record.CaseId, dispatcher);
        if (joined.Outcome != CommandOutcome.Ok)
        {
            return CaseCommandResult.Refused(joined.Outcome == CommandOutcome.NotFound ? CommandOutcome.Conflict : joined.Outcome,
                Refusal.Of(RefusalCodes.PrimaryNotOpen, $"Cannot merge into {primaryCaseId}: {joined.Refusal?.Detail}", ("intoCaseId", primaryCaseId)));
        }

        return await RunAsync(null, () => CaseLifecycle.MergeInto(Record, primaryCaseId, dispatcher, Now));
    }

    public Task<CaseCommandResult> AddFollowerAsync(string followerCaseId, CaseActor dispatcher) =>
        RunAsync(null, () => Record.Submission is null
            ? CaseRefusals.NotFound()
            : CaseLifecycle.AddFollower(Record, followerCaseId, dispatcher, Now));

    public Task<CaseCommandResult> RecordNoticeAsync(CaseNotice notice) =>
        RunAsync(null, () => CaseLifecycle.Notice(Record, notice, Now));

    public Task<CaseCommandResult> ResolveByConsultationAsync(string consultationId, string resolution, CaseActor actor) =>
        RunAsync(null, () => CaseLifecycle.Resolve(Record, actor, resolution, consultationId, Now));

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

        if (Record.Status == CaseStatus.Accepted && Record.AssigneeId is null)
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
        Record.ReminderTarget = null;
        await CheckDeadlinesAsync();
        if (Record.ReminderTarget is null && DeadlineRules.Next(Record) is { } next)
        {
            Record.ReminderTarget = next;
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

    private async Task<CaseCommandResult> RunAsync(int? expectedSeq, Func<CaseTransition> command)
    {
        if (Stale(expectedSeq) is { } stale)
        {
            return stale;
        }

        var ownerBefore = Record.Submission is null ? null : Record.LevelOwnerId;
        var transition = command();
        if (transition.Outcome != CommandOutcome.Ok)
        {
            return Refused(transition);
        }

        await FollowThroughAsync(transition, ownerBefore);
        return CaseCommandResult.Ok(await SnapshotAsync());
    }

    private CaseCommandResult? Stale(int? expectedSeq) =>
        expectedSeq is { } seq && seq != Record.LastSeq
            ? Refused(CaseRefusals.StaleSeq(Record, seq))
            : null;

    private static CaseCommandResult Refused(CaseTransition refused) => CaseCommandResult.Refused(refused.Outcome, refused.Refusal!);

    // After the rules ran: release the cadre who lost the case, find another when needed, then commit once.
    private async Task FollowThroughAsync(CaseTransition transition, string? ownerBefore)
    {
        if (!transition.Changed)
        {
            return;
        }

        try
        {
            if (transition.ReleasedCadreId is { } released)
            {
                await Community(Record.CommunityId).ReleaseAsync(Record.CaseId, released);
            }

            if (transition.NeedsDispatch && Record.Status == CaseStatus.Accepted && Record.AssigneeId is null)
            {
                var decision = await Community(Record.CommunityId).DispatchAsync(Record.Submission!, Record.PassedOver);
                transition = transition.Then(Place(decision, Now));
            }
        }
        catch (Exception)
        {
            Forget();
            throw;
        }

        // A follow-up still owed is retried by the grain; the change itself is stored.
        await CommitAsync(transition, ownerBefore);
    }

    private CaseTransition Place(DispatchDecision decision, DateTimeOffset now) =>
        decision.Assignment is { } assignment ? CaseLifecycle.Assign(Record, assignment) : CaseLifecycle.Wait(Record, now);

    // Stores the change, then carries it to the other grains; false when some of that is still to be retried.
    private async Task<bool> CommitAsync(CaseTransition transition, string? ownerBefore = null)
    {
        if (!transition.Changed)
        {
            return true;
        }

        var deadline = DeadlineRules.Next(Record);
        var deadlineMoved = deadline != Record.ReminderTarget;
        Record.ReminderTarget = deadline;
        var followUp = Record.FollowUp = new CaseFollowUp(transition.Events[0].Seq, transition.ReleasedCadreId, ownerBefore);
        try
        {
            await ArchiveOldEventsAsync();
            await services.Storage.WriteStateAsync(StateName, this.GetGrainId(), _state);
        }
        catch (Exception)
        {
            Forget();
            throw;
        }

        return await FollowUpAsync(followUp, retry: false, deadlineMoved);
    }

    // The record holds a change that did not reach storage (or may not have): this activation goes, and the next
    // one reads what storage holds, so a retry of the command finds the case as it really stands.
    private void Forget()
    {
        services.Logger.LogWarning("Case {CaseId}: a change could not be stored; the case reloads from storage", this.GetPrimaryKeyString());
        this.DeactivateOnIdle();
    }

    // The change is stored; what it owes other grains is done now, or retried from the stored record until done.
    private async Task<bool> FollowUpAsync(CaseFollowUp followUp, bool retry, bool deadlineMoved)
    {
        try
        {
            await CaseFollowUps.RunAsync(services.GrainFactory, Record, followUp, retry, deadlineMoved);
        }
        catch (Exception ex)
        {
            services.Logger.LogWarning(ex, "Case {CaseId}: what the change from seq {Seq} owes other grains failed; retrying", Record.CaseId, followUp.FromSeq);
            _followUpRetry ??= this.RegisterGrainTimer(RetryFollowUpAsync, FollowUpRetryPeriod, FollowUpRetryPeriod);
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

    private Task RetryFollowUpAsync(CancellationToken cancellationToken) =>
        Record.FollowUp is { } pending ? FollowUpAsync(pending, retry: true, deadlineMoved: true) : Task.CompletedTask;

    // Blob first, then the row: a crash in between leaves events in both, and reading skips the repeats by seq.
    private async Task ArchiveOldEventsAsync()
    {
        var options = services.ArchiveOptions;
        if (services.Archive is null || Record.Timeline.Count < options.MaxEventsInRow)
        {
            return;
        }

        var old = Record.Timeline.Take(Record.Timeline.Count - options.KeepInRow).ToArray();
        var chunk = await services.Archive.WriteAsync(Record.CaseId, old);
        Record.ArchivedChunks = [.. Record.ArchivedChunks, chunk];
        Record.Timeline.RemoveRange(0, old.Length);
        _archived?.AddRange(old);
        services.Logger.LogInformation("Case {CaseId}: {Count} events archived to {Chunk}", Record.CaseId, old.Length, chunk);
    }

    private async Task<CaseSnapshot> SnapshotAsync()
    {
        if (Record.ArchivedChunks.Length == 0 || services.Archive is null)
        {
            return Record.ToSnapshot();
        }

        if (_archived is null)
        {
            var archived = new List<CaseEvent>();
            foreach (var chunk in Record.ArchivedChunks)
            {
                archived.AddRange(await services.Archive.ReadAsync(chunk));
            }

            _archived = archived;
        }

        return Record.ToSnapshot(_archived);
    }

    private ICommunityGrain Community(string communityId) => services.GrainFactory.GetGrain<ICommunityGrain>(communityId);
}
