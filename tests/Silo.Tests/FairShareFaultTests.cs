using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Domain;
using Gongzhi.Silo.Tests.Faults;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// The fair-share tally when the community's main row is not written after the case's chunk (a process dying
/// between the two writes): the next activation counts the case again from the chunk (D16-fair-share). The
/// cluster runs fair-share.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FairShareFaultTests(FairShareFaultTests.FairShareFixture fixture) : IClassFixture<FairShareFaultTests.FairShareFixture>
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_case_stored_as_given_whose_tally_was_not_stored_is_counted_when_the_community_comes_back()
    {
        string a = "a" + UniqueCadreId("x"), b = "b" + UniqueCadreId("x");
        var community = await fixture.NewCommunityAsync(Cadre(a, true, "heating"), Cadre(b, true, "heating"));
        var first = await SubmitAsync(community);
        Assert.Equal(a, first.CadreId);

        // b gets the second case: its chunk is stored, the main row with b's tally is not, and the community goes.
        fixture.Faults.Inject(c => c.IsWrite && c.Key == community && c.StateName == "community", StorageFault.FailsBeforeStoring);
        var second = fixture.Submission(community);
        await Assert.ThrowsAnyAsync<Exception>(() => Client.GetGrain<ICaseGrain>(second.CaseId).SubmitAsync(second));
        await fixture.Cluster.DeactivateAsync(Client.GetGrain<ICommunityGrain>(community));
        await Client.GetGrain<ICaseGrain>(second.CaseId).SubmitAsync(second);
        Assert.Equal(b, (await Client.GetGrain<ICaseGrain>(second.CaseId).GetAsync())!.AssigneeId);

        // a resolves: each was given one case, a carries none, b one. With b's case counted, the next is a's;
        // with it lost, b would look as if given nothing and take it.
        var done = Client.GetGrain<ICaseGrain>(first.CaseId);
        Assert.Equal(CommandOutcome.Ok, (await done.AcknowledgeAsync(a)).Outcome);
        Assert.Equal(CommandOutcome.Ok, (await done.ResolveAsync(CaseActor.Cadre(a), "修好了")).Outcome);

        Assert.Equal(a, (await SubmitAsync(community)).CadreId);
    }

    private async Task<(string CaseId, string? CadreId)> SubmitAsync(string community)
    {
        var submission = fixture.Submission(community);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);
        await grain.SubmitAsync(submission);
        return (submission.CaseId, (await grain.GetAsync())!.AssigneeId);
    }

    public sealed class FairShareFixture : ClusterFixture
    {
        protected override string? DispatchPolicy => FairSharePolicy.Key;
    }
}
