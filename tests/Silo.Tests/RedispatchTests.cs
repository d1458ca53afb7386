using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Silo.Tests.Faults;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// A case that leaves its cadre and needs another asks its community once (<see cref="ICommunityGrain.RedispatchAsync"/>):
/// the cadre is freed and the next one chosen in one write, and asking again — after a crash anywhere — changes nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RedispatchTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_declined_case_goes_to_the_next_cadre_and_asking_the_community_again_changes_nothing()
    {
        var (community, first, other, submission, grain) = await AssignedToOneOfTwoAsync();

        var declined = await grain.DeclineAsync(first, "在外地");
        var again = await Client.GetGrain<ICommunityGrain>(community).RedispatchAsync(submission, first, [first]);

        Assert.Equal(other, declined.Case!.AssigneeId);
        Assert.Equal(other, again.Assignment?.CadreId);
        Assert.Equal((0, 1), await LoadsAsync(community, first, other));
        Assert.Single((await grain.GetAsync())!.Timeline, e => e.Type == CaseEventType.Assigned && e.Note == again.Assignment!.CadreName);
    }

    [Fact]
    public async Task A_decline_whose_community_write_fails_is_not_done_and_its_retry_frees_and_assigns_once()
    {
        var (community, first, other, _, grain) = await AssignedToOneOfTwoAsync();
        fixture.Faults.Inject(c => c.IsWrite && c.StateName == Gongzhi.Silo.Storage.StorageNames.Shared("community-cases") && c.Key.StartsWith(community + "/", StringComparison.Ordinal), StorageFault.FailsBeforeStoring);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.DeclineAsync(first, "在外地"));

        Assert.Equal(first, (await grain.GetAsync())!.AssigneeId);
        Assert.Equal((1, 0), await LoadsAsync(community, first, other));
        var retried = await grain.DeclineAsync(first, "在外地");
        Assert.Equal(other, retried.Case!.AssigneeId);
        Assert.Equal((0, 1), await LoadsAsync(community, first, other));
        Assert.Single(retried.Case.Timeline, e => e.Type == CaseEventType.Declined);
    }

    private async Task<(string Community, string First, string Other, CaseSubmission Submission, ICaseGrain Grain)> AssignedToOneOfTwoAsync()
    {
        string wang = UniqueCadreId("wang"), li = UniqueCadreId("li");
        var community = await fixture.NewCommunityAsync(Cadre(wang, true, "heating"), Cadre(li, true, "heating"));
        var submission = fixture.Submission(community);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);
        await grain.SubmitAsync(submission);
        var first = (await grain.GetAsync())!.AssigneeId!;
        return (community, first, first == wang ? li : wang, submission, grain);
    }

    private async Task<(int First, int Other)> LoadsAsync(string community, string first, string other)
    {
        var roster = await Client.GetGrain<ICommunityGrain>(community).GetRosterAsync();
        return (roster.Single(r => r.Id == first).Load, roster.Single(r => r.Id == other).Load);
    }
}
