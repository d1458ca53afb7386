using Gongzhi.Cases;
using Gongzhi.Consultations;
using Gongzhi.VideoPetitions;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>The video petition and consultation grains on the in-process cluster: the silo's clock judges their times.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MeetingGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly CaseActor Dispatcher = CaseActor.Staff("dispatcher", "d1");

    private IClusterClient Client => fixture.Client;

    private async Task<string> OpenCaseAsync()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var submission = fixture.Submission(community);
        await Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);
        return submission.CaseId;
    }

    [Fact]
    public async Task A_consultation_time_is_judged_by_the_silo_clock_and_its_resolution_resolves_the_case()
    {
        var caseId = await OpenCaseAsync();
        var community = (await Client.GetGrain<ICaseGrain>(caseId).GetAsync())!.CommunityId;
        var request = new ConsultationRequest(community, [caseId], "供暖协调", fixture.Time.GetUtcNow().AddHours(1), "社区会议室",
            [new InvitedParty("热力公司", "company", null)]);
        var grain = Client.GetGrain<IConsultationGrain>(Guid.NewGuid().ToString("N"));

        var convened = await grain.ConveneAsync(request, Dispatcher);

        Assert.Equal(CommandOutcome.Ok, convened.Outcome);
        Assert.Equal(["x1"], convened.Consultation!.Parties.Select(p => p.Id));
        fixture.Time.Advance(TimeSpan.FromHours(2));
        var late = await Client.GetGrain<IConsultationGrain>(Guid.NewGuid().ToString("N")).ConveneAsync(request, Dispatcher);
        Assert.Equal(["time"], late.Errors.Keys);

        var concluded = await grain.RecordMinutesAsync("各方同意", "热力公司三日内维修", Dispatcher);
        Assert.Equal(LinkedCaseOutcome.Resolved, concluded.Consultation!.CaseResults.Single().Outcome);
        var snapshot = (await Client.GetGrain<ICaseGrain>(caseId).GetAsync())!;
        Assert.Equal(CaseStatus.Resolved, snapshot.Status);
        Assert.Equal(grain.GetPrimaryKeyString(), snapshot.Timeline.Single(e => e.Type == CaseEventType.ConsultationConvened).Reference);
        Assert.Equal(grain.GetPrimaryKeyString(), snapshot.Timeline[^1].Reference);
    }

    [Fact]
    public async Task A_consultation_resolution_leaves_a_linked_case_that_climbed_to_a_county_department_with_that_department()
    {
        var caseId = await OpenCaseAsync();
        var caseGrain = Client.GetGrain<ICaseGrain>(caseId);
        var community = (await caseGrain.GetAsync())!.CommunityId;
        var request = new ConsultationRequest(community, [caseId], "供暖协调", fixture.Time.GetUtcNow().AddHours(1), "社区会议室", []);
        var grain = Client.GetGrain<IConsultationGrain>(Guid.NewGuid().ToString("N"));
        Assert.Equal(CommandOutcome.Ok, (await grain.ConveneAsync(request, Dispatcher)).Outcome);
        await caseGrain.EscalateAsync(Dispatcher, "街道协调");
        await caseGrain.EscalateAsync(CaseActor.Staff("dispatcher", "subdistrict-official"), "需热力公司");

        var concluded = await grain.RecordMinutesAsync("各方同意", "热力公司三日内维修", Dispatcher);

        var result = concluded.Consultation!.CaseResults.Single();
        Assert.Equal(LinkedCaseOutcome.Refused, result.Outcome);
        Assert.Contains("county department", result.Reason, StringComparison.Ordinal);
        var snapshot = (await caseGrain.GetAsync())!;
        Assert.Equal((CaseLevel.Department, CaseStatus.Assigned), (snapshot.Level, snapshot.Status));
    }

    [Fact]
    public async Task A_video_petition_slot_is_judged_by_the_silo_clock_and_the_index_lists_it_until_held()
    {
        var caseId = await OpenCaseAsync();
        var owner = (await Client.GetGrain<ICaseGrain>(caseId).GetAsync())!.LevelOwnerId;
        var petitionId = Guid.NewGuid().ToString("N");
        var grain = Client.GetGrain<IVideoPetitionGrain>(petitionId);
        var slot = fixture.Time.GetUtcNow().AddMinutes(30);

        Assert.Equal(CommandOutcome.Ok, (await grain.RequestAsync(new VideoPetitionRequest(caseId, CaseActor.Resident, "想视频反映", [slot]))).Outcome);
        Assert.Contains(petitionId, await Client.GetGrain<IVideoPetitionIndexGrain>(owner).GetAsync());
        fixture.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(["slot"], (await grain.AcceptAsync(Dispatcher, slot)).Errors.Keys);

        Assert.Equal(CommandOutcome.Ok, (await grain.AcceptAsync(Dispatcher, fixture.Time.GetUtcNow().AddMinutes(10))).Outcome);
        Assert.Equal(VideoPetitionStatus.Held, (await grain.RecordOutcomeAsync(Dispatcher, "已答复")).Petition!.Status);
        Assert.DoesNotContain(petitionId, await Client.GetGrain<IVideoPetitionIndexGrain>(owner).GetAsync());
        var types = (await Client.GetGrain<ICaseGrain>(caseId).GetAsync())!.Timeline.Select(e => e.Type);
        Assert.Equal([CaseEventType.VideoPetitionRequested, CaseEventType.VideoPetitionScheduled, CaseEventType.VideoPetitionHeld], types.Where(t => t.ToString().StartsWith("VideoPetition", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_call_join_retried_after_the_petition_was_deactivated_lands_on_the_timeline_once_and_so_does_the_leave()
    {
        var caseId = await OpenCaseAsync();
        var petitionId = Guid.NewGuid().ToString("N");
        var grain = Client.GetGrain<IVideoPetitionGrain>(petitionId);
        Assert.Equal(CommandOutcome.Ok, (await grain.RequestAsync(new VideoPetitionRequest(caseId, CaseActor.Resident, "想视频反映", []))).Outcome);
        Assert.Equal(CommandOutcome.Ok, (await grain.AcceptAsync(Dispatcher, fixture.Time.GetUtcNow().AddMinutes(10))).Outcome);

        Assert.Equal(CommandOutcome.Ok, (await grain.JoinCallAsync(CaseActor.Resident, "conn-1")).Outcome);
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.Equal(CommandOutcome.Ok, (await grain.JoinCallAsync(CaseActor.Resident, "conn-1")).Outcome);
        Assert.Equal(CommandOutcome.Forbidden,
            (await grain.JoinCallAsync(CaseActor.Staff("dispatcher", "d2"), "conn-2")).Outcome);
        Assert.Equal(CommandOutcome.Ok, (await grain.JoinCallAsync(Dispatcher, "conn-3")).Outcome);
        Assert.Equal(CommandOutcome.Ok, (await grain.LeaveCallAsync(CaseActor.Resident, "conn-1")).Outcome);
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.Equal(CommandOutcome.Ok, (await grain.LeaveCallAsync(CaseActor.Resident, "conn-1")).Outcome);

        var timeline = (await Client.GetGrain<ICaseGrain>(caseId).GetAsync())!.Timeline.Where(e => e.Type.ToString().StartsWith("VideoCall", StringComparison.Ordinal)).ToArray();
        Assert.Equal([CaseEventType.VideoCallJoined, CaseEventType.VideoCallJoined, CaseEventType.VideoCallLeft], timeline.Select(e => e.Type));
        Assert.Equal(["resident", "dispatcher:d1", "resident"], timeline.Select(e => e.Actor));
        Assert.All(timeline, e => Assert.Equal(petitionId, e.Reference));
    }
}
