using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Intake;
using Gongzhi.Domain;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// One case: applies the rules in <see cref="Domain"/>, asks its community for a cadre when it needs one,
/// persists before telling anyone, then pushes each new event and keeps its community's deadline watch and
/// its level's queue in step. Calls go down the chain (case → community) only; the community answers one-way.
/// </summary>
/// <remarks>
/// A silo holds a case grain for every case in use (issue 5, S4), so the grain is lean: <see cref="IGrainBase"/>
/// rather than <see cref="Grain"/>, its activation held by its <see cref="StoredState{T}"/> only, one reference to the services.
/// </remarks>
internal sealed partial class CaseGrain(CaseGrainServices services) : IGrainBase, ICaseGrain, IRemindable, IIncomingGrainCallFilter
{
    // The row comes with the activation, through the singleton accessor: an IGrainContext parameter is scoped and
    // would be cached in the activation's scope.
    private readonly StoredState<CaseRecord> _state = services.States.For<CaseRecord>(StorageNames.Shared(StateName));

    /// <summary>The name of a case's row; kept in one of two places (<see cref="CaseGrainServices.SharedPartitions"/>).</summary>
    internal const string StateName = "case";

    // IGrainBase rather than Grain, which also keeps a reference to the runtime (8 B per case); the row holds the context.
    public IGrainContext GrainContext => _state.Grain;

    private static readonly TimeSpan FollowUpRetryPeriod = TimeSpan.FromSeconds(2);

    private IGrainTimer? _followUpRetry;

    // Whether this activation knows what storage holds of the case: it read the row, or wrote it.
    private bool _known;

    private CaseRecord Record => _state.State;

    // Every call but a submission reads the row first; a submission writes a new case unread (SubmitAsync).
    Task IIncomingGrainCallFilter.Invoke(IIncomingGrainCallContext call) =>
        _known || call.MethodName is nameof(SubmitAsync) or nameof(SubmitBatchedAsync) ? call.Invoke() : ReadThenInvokeAsync(call);

    private async Task ReadThenInvokeAsync(IIncomingGrainCallContext call)
    {
        await ReadAsync();
        await call.Invoke();
    }

    // A case is in the shared partitions or in one of its own (CaseGrainServices); a case in neither is new.
    private async Task ReadAsync()
    {
        if (!await ReadFromAsync(services.SharedPartitions))
        {
            await ReadFromAsync(services.PartitionPerCase);
        }

        _known = true;
    }

    // Reads the row in one place; false, with the state kept there and nothing known yet, when that place has none.
    private async Task<bool> ReadFromAsync(StateRow place)
    {
        _state.KeepIn(place);
        await _state.ReadAsync();
        if (!_state.RecordExists)
        {
            return false;
        }

        _known = true;
        // A row read from storage brings its own copy of every id; point them at the silo's shared ones.
        Record.ShareStrings(SharedStrings.Cases);
        if (Record.FollowUp is not null)
        {
            // The last write may not have reached the other grains before the silo that made it stopped. Not at once:
            // after a restart many cases activate together, and the calls that woke them come first.
            _followUpRetry ??= this.RegisterGrainTimer(RetryFollowUpAsync, FollowUpRetryPeriod, FollowUpRetryPeriod);
        }

        return true;
    }

    private DateTimeOffset Now => services.Time.GetUtcNow();

    // A resident's retry (same client request id, so the same case id) may come through the other intake queue than its
    // first try while gateways of two versions run. Only a case the community already held can be one, so only it reads
    // the other place (a redelivery through the same queue finds its row by the insert). True, with the case read, when it
    // is there; otherwise the state is back in its own place, new.
    private async Task<bool> StoredInOtherPlaceAsync(StateRow place)
    {
        if (await ReadFromAsync(place == services.SharedPartitions ? services.PartitionPerCase : services.SharedPartitions))
        {
            return true;
        }

        _state.KeepIn(place);
        return false;
    }

    /// <remarks>
    /// A submission is nearly always a case's first call, so a new activation writes the case as a new row without
    /// reading the place it writes to (issue 16: that read was a third of the storage requests per case); a submission
    /// with a client request id reads the other place only (D16-batched-inserts). A row already there — a
    /// redelivered message, a resident's retry reaching a new activation — refuses the insert: the case then reads it
    /// and answers as a redelivery, settling the community to the stored case: the community was asked for a cadre
    /// before the insert, and may have given one to a case that has long closed (docs/architecture.md, D16-storage-1).
    /// </remarks>
    public Task SubmitAsync(CaseSubmission submission) => SubmitAsync(submission, services.PartitionPerCase);

    public Task SubmitBatchedAsync(CaseSubmission submission) => SubmitAsync(submission, services.SharedPartitions);

    // A new case is kept in the place its intake queue says; a stored one stays where it is.
    private async Task SubmitAsync(CaseSubmission submission, StateRow place)
    {
        if (submission.CaseId != this.GetPrimaryKeyString())
        {
            throw new SubmissionRefusedException($"Submission {submission.CaseId} reached case {this.GetPrimaryKeyString()}.");
        }

        if (!_known)
        {
            if (await AcceptAsync(submission, place))
            {
                return;
            }

            if (!_known)
            {
                await ReadAsync();
            }
        }

        if (Record.Submission is not null && !Record.AwaitsCadreInFirstRound)
        {
            // Redelivered: the case is stored; the message goes only once what the write owes is done too. A stored row
            // always holds the follow-up its write owed, and running it again settles the community to the stored case.
            if (Record.FollowUp is { } pending && !await FollowUpAsync(pending, retry: true, deadlineMoved: true))
            {
                throw new TimeoutException($"Case {submission.CaseId} is stored, but its dispatch is not yet carried to the other grains.");
            }

            return;
        }

        await AcceptAsync(submission, place);
    }

    // Dispatches and stores the case; false when, written unread, a stored row was found in either place (nothing written).
    private async Task<bool> AcceptAsync(CaseSubmission submission, StateRow place)
    {
        // A retry can only be a submission with a client request id (kept records drop it: CaseRecord.Kept).
        var mayBeRetry = !_known && submission.ClientRequestId is not null;
        if (!_state.RecordExists)
        {
            _state.KeepIn(place);
        }

        // Each intake message brings its own copies; the shared ones also serve the community's and metrics' entries.
        submission = CaseRecord.Kept(submission, SharedStrings.Cases);

        // The community's dispatch is idempotent on the case id, so a redelivered submission finds the same answer.
        var now = Now;
        // The community answers before its write is stored; the case's row goes meanwhile, and the submission answers
        // (the intake message goes) only once the community confirms (D16-dispatch-ahead).
        var community = Community(submission.CommunityId);
        var decision = await community.DispatchAheadAsync(submission, Record.PassedOver);
        if (mayBeRetry && decision.HeldBefore && await StoredInOtherPlaceAsync(place))
        {
            return false;
        }

        // The community makes new terms per dispatch; cases with the same terms share one instance.
        var transition = CaseLifecycle.Submit(Record, submission, decision.Mode, SharedStrings.Cases.ShareRecord(decision.Terms), now).Then(Place(decision, now));
        Record.PossibleDuplicates = [.. decision.PossibleDuplicates];
        var outcome = await CommitAsync(transition, confirmDispatch: () => community.ConfirmDispatchAsync(submission.CaseId, decision.Assignment?.CadreId));
        if (outcome == CommitOutcome.RowFound)
        {
            return false;
        }

        if (outcome == CommitOutcome.FollowUpOwed)
        {
            // The intake message stays and comes back; the grain retries meanwhile.
            throw new TimeoutException($"Case {submission.CaseId} is stored, but its dispatch is not yet carried to the other grains.");
        }

        services.Logger.LogInformation("Case {CaseId} accepted in {CommunityId}, assigned to {CadreId}", submission.CaseId, submission.CommunityId, Record.AssigneeId);
        return true;
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

        if (CaseLifecycle.CheckReassign(Record, cadreId) is { } refusal)
        {
            return Refused(refusal);
        }

        var manual = await Community(Record.CommunityId).AssignToAsync(Record.CaseId, Record.Submission!.Category, cadreId);
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

    public Task<CaseCommandResult> ResolveAsync(CaseActor actor, string note, IReadOnlyList<string>? photos = null, int? expectedSeq = null) =>
        RunAsync(expectedSeq, () => CaseLifecycle.Resolve(Record, actor, note, null, Now, photos));

    public Task<CaseCommandResult> EscalateAsync(CaseActor actor, string reason, int? expectedSeq = null) =>
        RunAsync(expectedSeq, () => EscalationLadder.Escalate(Record, actor, reason, Now));

    public Task<CaseCommandResult> TakeAsync(CaseActor official, int? expectedSeq = null) =>
        RunAsync(expectedSeq, () => EscalationLadder.Take(Record, official, Now));

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

        if (CaseMerging.CheckMerge(Record, primaryCaseId) is { } refusal)
        {
            return Refused(refusal);
        }

        var joined = await services.GrainFactory.GetGrain<ICaseGrain>(primaryCaseId).AddFollowerAsync(Record.CaseId, dispatcher);
        if (joined.Outcome != CommandOutcome.Ok)
        {
            return CaseCommandResult.Refused(joined.Outcome == CommandOutcome.NotFound ? CommandOutcome.Conflict : joined.Outcome,
                Refusal.Of(RefusalCodes.PrimaryNotOpen, $"Cannot merge into {primaryCaseId}: {joined.Refusal?.Detail}", ("intoCaseId", primaryCaseId)));
        }

        return await RunAsync(null, () => CaseMerging.MergeInto(Record, primaryCaseId, dispatcher, Now));
    }

    public Task<CaseCommandResult> AddFollowerAsync(string followerCaseId, CaseActor dispatcher) =>
        RunAsync(null, () => CaseMerging.AddFollower(Record, followerCaseId, dispatcher, Now));

    public Task<CaseCommandResult> RecordNoticeAsync(CaseNotice notice) =>
        RunAsync(null, () => CaseLifecycle.Notice(Record, notice, Now));

    public Task<CaseCommandResult> ResolveByConsultationAsync(string consultationId, string resolution, CaseActor actor) =>
        RunAsync(null, () => ConsultationRules.ResolveLinkedCase(Record, consultationId, resolution, actor, Now));

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

    private static CaseCommandResult Refused(CaseTransition refused) => CaseCommandResult.Refused(refused.Outcome, refused.Refusal!);

    private CaseCommandResult? Stale(int? expectedSeq) =>
        expectedSeq is { } seq && seq != Record.LastSeq
            ? Refused(CaseRefusals.StaleSeq(Record, seq))
            : null;
}
