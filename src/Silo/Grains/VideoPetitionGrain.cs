using Microsoft.Extensions.DependencyInjection;
using Gongzhi.Silo.Extensions;
using Gongzhi.Cases;
using Gongzhi.Domain;
using Gongzhi.Silo.Storage;
using Gongzhi.VideoPetitions;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// One video petition: applies <see cref="VideoPetitionRules"/>, persists, keeps its level's index in step,
/// then hands each step's notice to the case. Calls go to the case and the index only; neither calls back.
/// </summary>
internal sealed class VideoPetitionGrain(
    GrainStates states,
    [FromKeyedServices(Clocks.Domain)] TimeProvider time,
    ILogger<VideoPetitionGrain> logger)
    : MeetingGrain<VideoPetitionRecord>(states.For<VideoPetitionRecord>("videoPetition"), time, logger), IVideoPetitionGrain
{
    public async Task<VideoPetitionResult> RequestAsync(VideoPetitionRequest request)
    {
        if (VideoPetitionRules.CheckNew(Record) is { } exists)
        {
            return exists;
        }

        var errors = VideoPetitionRules.Validate(request, Now);
        if (errors.Count > 0)
        {
            return VideoPetitionResult.Invalid(errors);
        }

        var snapshot = await GrainFactory.GetGrain<ICaseGrain>(request.CaseId).GetAsync();
        if (VideoPetitionRules.CheckCase(snapshot) is { } refusal)
        {
            return refusal;
        }

        foreach (var other in VideoPetitionRules.PetitionsOf(snapshot!))
        {
            if (VideoPetitionRules.CheckOther(other, await GrainFactory.GetGrain<IVideoPetitionGrain>(other).GetAsync()) is { } open)
            {
                return open;
            }
        }

        VideoPetitionRules.Open(Record, this.GetPrimaryKeyString(), request, snapshot!, Now);
        await Stored.WriteAsync();
        await GrainFactory.GetGrain<IVideoPetitionIndexGrain>(Record.LevelOwnerId).AddAsync(Record.PetitionId!);
        await DeliverAsync();
        Logger.LogInformation("Video petition {PetitionId} on case {CaseId} for {LevelOwnerId}", Record.PetitionId, Record.CaseId, Record.LevelOwnerId);
        return VideoPetitionResult.Ok(Record.ToSnapshot());
    }

    public Task<VideoPetitionSnapshot?> GetAsync() => Task.FromResult(Record.Exists ? Record.ToSnapshot() : null);

    public Task<VideoPetitionResult> AcceptAsync(CaseActor official, DateTimeOffset slot) =>
        RunAsync(() => VideoPetitionRules.Accept(Record, official, slot, Now));

    public Task<VideoPetitionResult> RecordOutcomeAsync(CaseActor official, string outcome) =>
        RunAsync(() => VideoPetitionRules.RecordOutcome(Record, official, outcome, Now));

    public Task<VideoPetitionResult> CancelAsync(CaseActor actor, string? reason) =>
        RunAsync(() => VideoPetitionRules.Cancel(Record, actor, reason, Now));

    public Task<VideoPetitionResult> JoinCallAsync(CaseActor party, string session) =>
        RunAsync(() => VideoCallRules.Join(Record, party, session));

    public Task<VideoPetitionResult> LeaveCallAsync(CaseActor party, string session) =>
        RunAsync(() => VideoCallRules.Leave(Record, party, session));

    // Notices left over from a failed call go first, so the case hears the steps in order.
    private async Task<VideoPetitionResult> RunAsync(Func<VideoPetitionResult?> step)
    {
        await DeliverAsync();
        if (step() is { } refusal)
        {
            return refusal;
        }

        await Stored.WriteAsync();
        if (!Record.IsOpen)
        {
            await GrainFactory.GetGrain<IVideoPetitionIndexGrain>(Record.LevelOwnerId).RemoveAsync(Record.PetitionId!);
        }

        await DeliverAsync();
        return VideoPetitionResult.Ok(Record.ToSnapshot());
    }

    protected override async Task DeliverAsync()
    {
        while (Record.Unsent.Count > 0)
        {
            var notice = Record.Unsent[0];
            var recorded = await GrainFactory.GetGrain<ICaseGrain>(Record.CaseId!).RecordNoticeAsync(notice);
            if (recorded.Outcome != CommandOutcome.Ok)
            {
                // Only a case that does not exist refuses a notice; retrying would not change that.
                Logger.LogWarning("Case {CaseId} refused the {Type} notice of video petition {PetitionId}: {Refusal}",
                    Record.CaseId, notice.Type, Record.PetitionId, recorded.Refusal);
            }

            Record.Unsent.RemoveAt(0);
            await Stored.WriteAsync();
        }
    }
}
