using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Gongzhi.Silo.Extensions;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Consultations;
using Gongzhi.Domain;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// One 7+X consultation: applies <see cref="ConsultationRules"/>, persists, then tells the linked cases, its levels'
/// lists and the invited accounts' inboxes (an outbox in its record). Calls go to the community (read only), the cases,
/// the lists and the inboxes; none calls back. What is owed stays in the state and is delivered after the step, on the
/// next call or activation, and by a reminder registered before the step is stored, so nothing waits for a caller.
/// </summary>
internal sealed class ConsultationGrain(
    GrainStates states,
    [FromKeyedServices(Clocks.Domain)] TimeProvider time,
    IOptions<ReminderOptions> reminders,
    ILogger<ConsultationGrain> logger)
    : MeetingGrain<ConsultationRecord>(states.For<ConsultationRecord>("consultation"), time, logger), IConsultationGrain, IRemindable
{
    private const string OutboxReminder = "outbox";

    public async Task<ConsultationResult> ConveneAsync(ConsultationRequest request, CaseActor convener)
    {
        if (ConsultationRules.CheckNew(Record) is { } exists)
        {
            return exists;
        }

        var errors = ConsultationRules.Validate(request, Now);
        var community = string.IsNullOrWhiteSpace(request.CommunityId) ? null : await GrainFactory.GetGrain<ICommunityGrain>(request.CommunityId).GetInfoAsync();
        if (community is null)
        {
            errors["communityId"] = ["No such community."];
        }

        var caseIds = ConsultationRules.CaseIdsOf(request);
        if (!errors.ContainsKey("caseIds"))
        {
            var snapshots = await Task.WhenAll(caseIds.Select(id => GrainFactory.GetGrain<ICaseGrain>(id).GetAsync()));
            if (ConsultationRules.CheckCases(request.CommunityId, caseIds, snapshots) is { Length: > 0 } problems)
            {
                errors["caseIds"] = problems;
            }
        }

        if (errors.Count > 0)
        {
            return ConsultationResult.Invalid(errors);
        }

        var parties = ConsultationRules.Parties(community!.StandingParties, request.Invited);
        await KeepDeliveringAsync();
        ConsultationRules.Convene(Record, this.GetPrimaryKeyString(), request, parties, [community.Id, community.SubdistrictId, community.CountyId], convener, Now);
        await Stored.WriteAsync();
        Logger.LogInformation("Consultation {ConsultationId} convened in {CommunityId} on {CaseCount} cases", Record.ConsultationId, Record.CommunityId, Record.CaseIds.Count);
        await DeliverOrLeaveAsync();
        return ConsultationResult.Ok(Record.ToSnapshot());
    }

    public Task<ConsultationSnapshot?> GetAsync() => Task.FromResult(Record.Exists ? Record.ToSnapshot() : null);

    public async Task<ConsultationResult> RecordMinutesAsync(string minutes, string resolution, CaseActor actor)
    {
        await DeliverAsync();
        if (Record.Exists && ConsultationRules.IsRepeat(Record, minutes, resolution))
        {
            return ConsultationResult.Ok(Record.ToSnapshot());
        }

        if (ConsultationRules.Conclude(Record, minutes, resolution, actor, Now) is { } refusal)
        {
            return refusal;
        }

        try
        {
            await KeepDeliveringAsync();
        }
        catch
        {
            // The minutes are in memory only: the next call reads the record as storage holds it (decision 38).
            this.DeactivateOnIdle();
            throw;
        }

        await Stored.WriteAsync();
        await DeliverOrLeaveAsync();
        Logger.LogInformation("Consultation {ConsultationId} concluded: {Resolved} of {CaseCount} cases resolved",
            Record.ConsultationId, Record.CaseResults.Count(r => r.Outcome == LinkedCaseOutcome.Resolved), Record.CaseIds.Count);
        return ConsultationResult.Ok(Record.ToSnapshot());
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await DeliverAsync();
        if (!Record.OwesDelivery() && await this.GetReminder(OutboxReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    // Before a step is stored: a reminder that wakes this grain until the outbox is empty, even after a crash right after the write.
    private Task KeepDeliveringAsync()
    {
        var period = reminders.Value.MinimumReminderPeriod;
        return this.RegisterOrUpdateReminder(OutboxReminder, period, period);
    }

    // After a step is stored: its answer does not wait on storage or grains that fail now; the reminder tries again.
    private async Task DeliverOrLeaveAsync()
    {
        try
        {
            await DeliverAsync();
            if (await this.GetReminder(OutboxReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Consultation {ConsultationId}: what it owes is left for its reminder", Record.ConsultationId);
        }
    }

    // The lists and inboxes first (each takes the meeting as it now stands), then the convening notices, then the
    // resolutions, each grain once; progress is written even when one fails.
    protected override async Task DeliverAsync()
    {
        if (!Record.OwesDelivery())
        {
            return;
        }

        try
        {
            while (Record.IndexesPending.Count > 0)
            {
                await GrainFactory.GetGrain<IConsultationIndexGrain>(Record.IndexesPending[0]).UpsertAsync(Record.ToSummary());
                Record.IndexesPending.RemoveAt(0);
            }

            while (Record.InvitationsPending.Count > 0)
            {
                await GrainFactory.GetGrain<IInvitationInboxGrain>(Record.InvitationsPending[0]).DeliverAsync(Record.ToSummary(), Record.ConvenedAt);
                Record.InvitationsPending.RemoveAt(0);
            }

            while (Record.NoticesPending.Count > 0)
            {
                var caseId = Record.NoticesPending[0];
                var recorded = await GrainFactory.GetGrain<ICaseGrain>(caseId).RecordNoticeAsync(ConsultationRules.ConvenedNotice(Record));
                if (recorded.Outcome != CommandOutcome.Ok)
                {
                    Logger.LogWarning("Case {CaseId} refused the notice of consultation {ConsultationId}: {Refusal}", caseId, Record.ConsultationId, recorded.Refusal);
                }

                Record.NoticesPending.RemoveAt(0);
            }

            while (Record.ResolutionsPending.Count > 0)
            {
                var caseId = Record.ResolutionsPending[0];
                var grain = GrainFactory.GetGrain<ICaseGrain>(caseId);
                var answer = await grain.ResolveByConsultationAsync(Record.ConsultationId!, Record.Resolution!, Record.ConcludedBy!);
                var after = answer.Case ?? await grain.GetAsync();
                Record.CaseResults.RemoveAll(r => r.CaseId == caseId);
                Record.CaseResults.Add(ConsultationRules.Classify(caseId, Record.ConsultationId!, answer, after));
                Record.ResolutionsPending.RemoveAt(0);
            }
        }
        finally
        {
            await Stored.WriteAsync();
        }
    }
}
