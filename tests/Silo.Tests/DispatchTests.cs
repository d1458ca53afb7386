using Gongzhi.Cadres;
using Gongzhi.Cases;
using Gongzhi.Communities;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

[Collection(ClusterCollection.Name)]
public sealed class DispatchTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task An_accepted_case_goes_to_the_least_loaded_matching_cadre_on_duty()
    {
        string busy = UniqueCadreId("busy"), free = UniqueCadreId("free"), off = UniqueCadreId("off"), other = UniqueCadreId("other");
        var community = await fixture.NewCommunityAsync(
            Cadre(busy, true, "heating"), Cadre(free, true, "heating"), Cadre(off, false, "heating"), Cadre(other, true, "certificates"));
        await Client.GetGrain<ICaseGrain>("warm-up-" + community).SubmitAsync(fixture.Submission(community, caseId: "warm-up-" + community));

        var submission = fixture.Submission(community);
        await Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);
        var snapshot = await Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync();

        var first = (await Client.GetGrain<ICaseGrain>("warm-up-" + community).GetAsync())!.AssigneeId;
        Assert.NotNull(first);
        Assert.Equal(CaseStatus.Assigned, snapshot!.Status);
        Assert.Contains(snapshot.AssigneeId, new[] { busy, free });
        Assert.NotEqual(first, snapshot.AssigneeId);
        Assert.Equal(HandlingMode.DoItNow, snapshot.Mode);
        var roster = await Client.GetGrain<ICommunityGrain>(community).GetRosterAsync();
        Assert.Equal(1, roster.Single(r => r.Id == busy).Load);
        Assert.Equal(1, roster.Single(r => r.Id == free).Load);
        Assert.Equal(0, roster.Single(r => r.Id == off).Load);
    }

    [Fact]
    public async Task The_same_submission_delivered_twice_makes_one_case_and_one_assignment()
    {
        var cadre = UniqueCadreId("wang");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
        var submission = fixture.Submission(community);

        await Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);
        await Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);

        var snapshot = await Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync();
        Assert.Equal(3, snapshot!.Timeline.Count);
        Assert.Equal([submission.CaseId], (await Client.GetGrain<ICommunityGrain>(community).GetCadreAsync(cadre))!.Assignments);
        Assert.Equal([submission.CaseId], await Client.GetGrain<ICommunityGrain>(community).GetOpenCasesAsync());
    }

    [Fact]
    public async Task With_nobody_on_duty_a_case_waits_and_is_assigned_the_moment_a_matching_cadre_goes_on_duty()
    {
        string certificates = UniqueCadreId("cert"), heating = UniqueCadreId("heat");
        var community = await fixture.NewCommunityAsync(Cadre(certificates, false, "certificates"), Cadre(heating, false, "heating"));
        var submission = fixture.Submission(community);
        await Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);

        var waiting = await Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync();
        Assert.Equal(CaseStatus.Accepted, waiting!.Status);
        Assert.Equal(CaseEventType.Waiting, waiting.Timeline[^1].Type);

        await Client.GetGrain<ICommunityGrain>(community).SetDutyAsync(certificates, true);
        Assert.Equal(CaseStatus.Accepted, (await Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync())!.Status);

        var entry = await Client.GetGrain<ICommunityGrain>(community).SetDutyAsync(heating, true);
        Assert.Equal(1, entry!.Load);
        var assigned = await WaitForAsync(submission.CaseId, s => s.Status == CaseStatus.Assigned);
        Assert.Equal(heating, assigned.AssigneeId);
        Assert.Equal([1, 2, 3, 4], assigned.Timeline.Select(e => e.Seq));
        Assert.True((await Client.GetGrain<ICommunityGrain>(community).GetCadreAsync(heating))!.OnDuty);
    }

    [Fact]
    public async Task Only_the_assigned_cadre_acts_and_resolving_lowers_their_load()
    {
        string wang = UniqueCadreId("wang"), li = UniqueCadreId("li");
        var community = await fixture.NewCommunityAsync(Cadre(wang, true, "heating"), Cadre(li, false, "heating"));
        var submission = fixture.Submission(community);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);
        await grain.SubmitAsync(submission);

        Assert.Equal(CommandOutcome.Forbidden, (await grain.AcknowledgeAsync(li)).Outcome);
        Assert.Equal(CommandOutcome.Conflict, (await grain.ResolveAsync(CaseActor.Cadre(wang), "too early")).Outcome);
        Assert.Equal(CommandOutcome.Ok, (await grain.AcknowledgeAsync(wang)).Outcome);
        var resolved = await grain.ResolveAsync(CaseActor.Cadre(wang), "管道疏通，暖气已热");

        Assert.Equal(CaseStatus.Resolved, resolved.Case!.Status);
        Assert.Equal(0, (await Client.GetGrain<ICommunityGrain>(community).GetRosterAsync()).Single(r => r.Id == wang).Load);
        Assert.Empty((await Client.GetGrain<ICommunityGrain>(community).GetCadreAsync(wang))!.Assignments);

        var closed = await grain.RateAsync(SatisfactionRating.Satisfied, "很及时");
        Assert.Equal(CaseStatus.Closed, closed.Case!.Status);
        Assert.Empty(await Client.GetGrain<ICommunityGrain>(community).GetOpenCasesAsync());
    }

    [Fact]
    public async Task A_category_sets_the_handling_mode()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("liu"), true, "certificates"));
        var submission = fixture.Submission(community, "certificates");
        await Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);

        Assert.Equal(HandlingMode.DoForYou, (await Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync())!.Mode);
    }

    [Fact]
    public async Task Configuring_again_keeps_duty_and_load()
    {
        var wang = UniqueCadreId("wang");
        var community = await fixture.NewCommunityAsync(Cadre(wang, false, "heating"));
        await Client.GetGrain<ICommunityGrain>(community).SetDutyAsync(wang, true);
        var submission = fixture.Submission(community);
        await Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);

        var info = (await Client.GetGrain<ICommunityGrain>(community).GetInfoAsync())!;
        await Client.GetGrain<ICommunityGrain>(community).ConfigureAsync(new CommunityDefinition(info, [Cadre(wang, false, "heating")]));

        var entry = (await Client.GetGrain<ICommunityGrain>(community).GetRosterAsync()).Single();
        Assert.True(entry.OnDuty);
        Assert.Equal(1, entry.Load);
    }

    // The assignment of a waiting case reaches it one-way; wait for it by asking, not by sleeping.
    private Task<CaseSnapshot> WaitForAsync(string caseId, Func<CaseSnapshot, bool> condition) => Client.CaseWhenAsync(caseId, condition);
}
