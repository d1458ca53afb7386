using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Realtime;
using Gongzhi.Silo.Storage;
using Gongzhi.Silo.Tests.Faults;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// A new case's dispatch is answered before the community's write is stored, so the case's row and the community's go
/// to storage together (D16-dispatch-ahead); the cadre hears once the case's row is stored, and the submission answers
/// only once the community confirms. When the community's
/// write fails, the case is stored with its cadre all the same, and its retry puts it back into the community on them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DispatchAheadTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    // A new community keeps its chunks in the shared partitions (D16-shared-chunks).
    private static readonly string Chunks = StorageNames.Shared("community-cases");

    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task The_cadre_hears_of_a_new_case_while_its_communitys_write_is_on_its_way_and_the_submission_answers_once_that_is_stored()
    {
        var (cadre, community, submission) = await NewCaseAsync();
        var communityWrite = fixture.Faults.Hold(c => c.IsWrite && c.StateName == Chunks && c.Key == $"{community}/0");
        var observer = new RecordingObserver();
        await using (await TestGateway.RegisterAsync(Client, observer))
        {
            var submitted = Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);

            // The case's row is stored and pushed, given to the cadre, while the community's write has not gone yet.
            await communityWrite.Reached.WaitAsync(TimeSpan.FromSeconds(30));
            await observer.WaitUntilAsync(o => o.Updates.Any(u => u.CaseId == submission.CaseId && u.Status == CaseStatus.Assigned && u.AssigneeId == cadre));
            Assert.False(submitted.IsCompleted);

            communityWrite.Release();
            await submitted;
            Assert.Equal([submission.CaseId], (await Client.GetGrain<ICommunityGrain>(community).GetCadreAsync(cadre))!.Assignments);
        }
    }

    [Theory]
    [InlineData(StorageFault.FailsBeforeStoring, false)]
    [InlineData(StorageFault.FailsBeforeStoring, true)]
    [InlineData(StorageFault.TimesOutAfterStoring, false)]
    public async Task A_new_case_whose_communitys_write_failed_is_one_case_on_its_cadre_in_both_after_the_retry(StorageFault fault, bool caseRestarts)
    {
        var (cadre, community, submission) = await NewCaseAsync();
        fixture.Faults.Inject(c => c.IsWrite && c.StateName == Chunks && c.Key == $"{community}/0", fault);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);

        // The case's row is stored with its cadre; the submission fails, so the intake message stays and comes back.
        await Assert.ThrowsAnyAsync<Exception>(() => grain.SubmitAsync(submission));
        if (caseRestarts)
        {
            await fixture.Cluster.DeactivateAsync(grain);
        }

        await grain.SubmitAsync(submission);

        var snapshot = await grain.GetAsync();
        Assert.Equal(3, snapshot!.Timeline.Count);
        Assert.Equal(cadre, snapshot.AssigneeId);
        // As the next activation of the community reads it from storage: the case, once, on that cadre.
        var communityGrain = Client.GetGrain<ICommunityGrain>(community);
        await fixture.Cluster.DeactivateAsync(communityGrain);
        Assert.Equal([submission.CaseId], await communityGrain.GetOpenCasesAsync());
        Assert.Equal([submission.CaseId], (await communityGrain.GetCadreAsync(cadre))!.Assignments);
    }

    [Fact]
    public async Task A_waiting_case_whose_communitys_write_failed_waits_in_the_community_after_the_retry()
    {
        var (_, community, submission) = await NewCaseAsync("certificates");
        fixture.Faults.Inject(c => c.IsWrite && c.StateName == Chunks && c.Key == $"{community}/0", StorageFault.FailsBeforeStoring);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.SubmitAsync(submission));
        await grain.SubmitAsync(submission);

        Assert.Null((await grain.GetAsync())!.AssigneeId);
        var communityGrain = Client.GetGrain<ICommunityGrain>(community);
        await fixture.Cluster.DeactivateAsync(communityGrain);
        Assert.Equal([submission.CaseId], await communityGrain.GetOpenCasesAsync());
    }

    // A community of one heating cadre on duty, and a case for it not yet submitted.
    private async Task<(string Cadre, string Community, CaseSubmission Submission)> NewCaseAsync(string category = "heating")
    {
        var cadre = UniqueCadreId("wang");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
        return (cadre, community, fixture.Submission(community, category));
    }
}
