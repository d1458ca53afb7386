using Gongzhi.Cases;
using Gongzhi.Refusals;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>Taking a case at a level (接办) on the case grain: stored on the timeline, idempotent, one official per level.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TakeOnGrainsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly CaseActor Community = CaseActor.Staff("dispatcher", "d1");
    private static readonly CaseActor Official = CaseActor.Staff("dispatcher", "sub-official");

    [Fact]
    public async Task An_official_takes_the_case_once_at_their_level_and_it_survives_the_grain_s_restart()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var submission = fixture.Submission(community);
        var grain = fixture.Client.GetGrain<ICaseGrain>(submission.CaseId);
        await grain.SubmitAsync(submission);
        Assert.Equal(RefusalCodes.NotAboveCommunity, (await grain.TakeAsync(Community)).Refusal!.Code);
        await grain.EscalateAsync(Community, "需要街道协调");

        var taken = await grain.TakeAsync(Official);
        await fixture.Cluster.DeactivateAsync(grain);
        var again = await grain.TakeAsync(Official);
        var other = await grain.TakeAsync(CaseActor.Staff("dispatcher", "deputy"));

        Assert.Equal(CommandOutcome.Ok, taken.Outcome);
        var e = taken.Case!.Timeline[^1];
        Assert.Equal((CaseEventType.Taken, Official.Id, "sub-1"), (e.Type, e.Actor, e.Reference));
        Assert.Equal(CommandOutcome.Ok, again.Outcome);
        Assert.Equal(e.Seq, again.Case!.Timeline[^1].Seq);
        Assert.Single(again.Case.Timeline, x => x.Type == CaseEventType.Taken);
        Assert.Equal((CommandOutcome.Conflict, RefusalCodes.TakenByOther), (other.Outcome, other.Refusal!.Code));

        // Up one level: the department's liaison takes it there.
        await grain.EscalateAsync(Official, "需要热力公司");
        var department = await grain.TakeAsync(CaseActor.Staff("department", "heating"));
        Assert.Equal("dept-heating", department.Case!.Timeline[^1].Reference);
    }
}
