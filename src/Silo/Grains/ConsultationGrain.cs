using Microsoft.Extensions.DependencyInjection;
using Gongzhi.Silo.Extensions;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Consultations;
using Gongzhi.Realtime;
using Gongzhi.Domain;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// One 7+X consultation: applies <see cref="ConsultationRules"/>, persists, then tells the linked cases and
/// invites the parties. Calls go to the community (read only), the cases and the registry; none calls back.
/// What the cases have not heard yet stays in the state and is delivered on the next call or activation.
/// </summary>
internal sealed class ConsultationGrain(
    GrainStates states,
    [FromKeyedServices(Clocks.Domain)] TimeProvider time,
    ILogger<ConsultationGrain> logger)
    : MeetingGrain<ConsultationRecord>(states.For<ConsultationRecord>("consultation"), time, logger), IConsultationGrain
{
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
        ConsultationRules.Convene(Record, this.GetPrimaryKeyString(), request, parties, convener, Now);
        await Stored.WriteAsync();
        Logger.LogInformation("Consultation {ConsultationId} convened in {CommunityId} on {CaseCount} cases", Record.ConsultationId, Record.CommunityId, Record.CaseIds.Count);

        // Invitations first: they are one-way and best effort, while the cases' notices are retried until delivered.
        var registry = GrainFactory.GetGrain<IDispatchRegistryGrain>(0);
        foreach (var invitation in ConsultationRules.Invitations(Record))
        {
            await registry.PublishInvitationAsync(invitation);
        }

        await DeliverAsync();
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

        await Stored.WriteAsync();
        await DeliverAsync();
        Logger.LogInformation("Consultation {ConsultationId} concluded: {Resolved} of {CaseCount} cases resolved",
            Record.ConsultationId, Record.CaseResults.Count(r => r.Outcome == LinkedCaseOutcome.Resolved), Record.CaseIds.Count);
        return ConsultationResult.Ok(Record.ToSnapshot());
    }

    // Convening notices first, then resolutions, each case once; progress is written even when a case fails.
    protected override async Task DeliverAsync()
    {
        if (Record.NoticesPending.Count == 0 && Record.ResolutionsPending.Count == 0)
        {
            return;
        }

        try
        {
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
