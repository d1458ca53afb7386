using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Silo.Tests.Faults;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// A submission writes its case as new without reading the row first (issue 16: the read of a row that cannot exist
/// yet was a third of the storage requests per case). A row already there — a redelivered message, a resident's
/// retry reaching a new activation — refuses that insert; the case then reads it and answers as a redelivery,
/// setting the community's bookkeeping back to the stored case.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NewCaseWriteTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_new_case_is_stored_without_reading_its_row()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var submission = fixture.Submission(community);

        await Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);

        Assert.Equal(0, fixture.Faults.Count(c => c.Key == submission.CaseId && c.Operation == "read"));
        Assert.Equal(1, fixture.Faults.Count(c => c.Key == submission.CaseId && c.IsWrite));
        Assert.Equal(CaseStatus.Assigned, (await Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync())!.Status);
    }

    [Fact]
    public async Task A_case_read_by_a_new_activation_is_the_stored_case()
    {
        var (cadre, community, submission, grain) = await SubmittedCaseAsync();
        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal(CommandOutcome.Ok, (await grain.AcknowledgeAsync(cadre)).Outcome);

        var snapshot = await grain.GetAsync();
        Assert.Equal(CaseStatus.Acknowledged, snapshot!.Status);
        Assert.Equal(4, snapshot.Timeline.Count);
    }

    [Fact]
    public async Task A_submission_redelivered_to_a_new_activation_changes_nothing()
    {
        var (cadre, community, submission, grain) = await SubmittedCaseAsync();
        await fixture.Cluster.DeactivateAsync(grain);

        await grain.SubmitAsync(submission);

        var snapshot = await grain.GetAsync();
        Assert.Equal(3, snapshot!.Timeline.Count);
        Assert.Equal(cadre, snapshot.AssigneeId);
        Assert.Equal([submission.CaseId], (await Client.GetGrain<ICommunityGrain>(community).GetCadreAsync(cadre))!.Assignments);
        Assert.Equal([submission.CaseId], await Client.GetGrain<ICommunityGrain>(community).GetOpenCasesAsync());
    }

    [Fact]
    public async Task A_submission_redelivered_after_its_case_closed_puts_nothing_back_on_a_cadre()
    {
        var (cadre, community, submission, grain) = await SubmittedCaseAsync();
        await grain.AcknowledgeAsync(cadre);
        await grain.ResolveAsync(CaseActor.Cadre(cadre), "暖气已热");
        Assert.Equal(CaseStatus.Closed, (await grain.RateAsync(SatisfactionRating.Satisfied, null)).Case!.Status);
        await fixture.Cluster.DeactivateAsync(grain);

        await grain.SubmitAsync(submission);

        var snapshot = await grain.GetAsync();
        Assert.Equal(CaseStatus.Closed, snapshot!.Status);
        Assert.Equal(0, (await Client.GetGrain<ICommunityGrain>(community).GetRosterAsync()).Single(r => r.Id == cadre).Load);
        Assert.Empty((await Client.GetGrain<ICommunityGrain>(community).GetCadreAsync(cadre))!.Assignments);
        Assert.Empty(await Client.GetGrain<ICommunityGrain>(community).GetOpenCasesAsync());
    }

    [Fact]
    public async Task A_new_case_stored_but_unanswered_is_one_case_after_the_retry()
    {
        var cadre = UniqueCadreId("wang");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
        var submission = fixture.Submission(community);
        fixture.Faults.Inject(c => c.Key == submission.CaseId && c.IsWrite, StorageFault.TimesOutAfterStoring);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.SubmitAsync(submission));
        await grain.SubmitAsync(submission);

        var snapshot = await grain.GetAsync();
        Assert.Equal(3, snapshot!.Timeline.Count);
        Assert.Equal(cadre, snapshot.AssigneeId);
        Assert.Equal([submission.CaseId], (await Client.GetGrain<ICommunityGrain>(community).GetCadreAsync(cadre))!.Assignments);
    }

    [Fact]
    public async Task A_new_case_whose_write_failed_after_the_community_gave_it_a_cadre_is_one_case_on_that_cadre_after_the_retry()
    {
        // The silo asked the community first; the case's own write then failed (as if the process died between the two).
        var cadre = UniqueCadreId("wang");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
        var submission = fixture.Submission(community);
        fixture.Faults.Inject(c => c.Key == submission.CaseId && c.IsWrite, StorageFault.FailsBeforeStoring);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.SubmitAsync(submission));
        await grain.SubmitAsync(submission);

        var snapshot = await grain.GetAsync();
        Assert.Equal(3, snapshot!.Timeline.Count);
        Assert.Equal(cadre, snapshot.AssigneeId);
        Assert.Equal([submission.CaseId], (await Client.GetGrain<ICommunityGrain>(community).GetCadreAsync(cadre))!.Assignments);
    }

    // A community of one heating cadre on duty, and a case submitted there and assigned to them.
    private async Task<(string Cadre, string Community, CaseSubmission Submission, ICaseGrain Grain)> SubmittedCaseAsync()
    {
        var cadre = UniqueCadreId("wang");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
        var submission = fixture.Submission(community);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);
        await grain.SubmitAsync(submission);
        return (cadre, community, submission, grain);
    }
}
