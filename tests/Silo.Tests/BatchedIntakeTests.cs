using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Silo.Storage;
using Gongzhi.Silo.Tests.Faults;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// Cases from the batched intake queue are kept in shared partitions, where storage inserts many new rows in one
/// request; the others stay in a partition of their own (docs/architecture.md, D16-batched-inserts). A case is read
/// from whichever place holds it, written back there, and a redelivery in either place is never a second case.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BatchedIntakeTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly string Shared = StorageNames.Shared("case");

    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_case_from_the_batched_intake_is_stored_in_the_shared_partitions_without_a_read()
    {
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var submission = fixture.Submission(community);

        await Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitBatchedAsync(submission);

        Assert.Equal(0, Calls(submission.CaseId, c => c.Operation == "read"));
        Assert.Equal(1, Calls(submission.CaseId, c => c.IsWrite && c.StateName == Shared));
        Assert.Equal(0, Calls(submission.CaseId, c => c.StateName == "case"));
        Assert.Equal(CaseStatus.Assigned, (await Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync())!.Status);
    }

    [Fact]
    public async Task A_case_in_the_shared_partitions_is_read_and_written_there_by_a_new_activation()
    {
        var cadre = UniqueCadreId("wang");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
        var submission = fixture.Submission(community);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);
        await grain.SubmitBatchedAsync(submission);
        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal(CommandOutcome.Ok, (await grain.AcknowledgeAsync(cadre)).Outcome);

        Assert.Equal(CaseStatus.Acknowledged, (await grain.GetAsync())!.Status);
        Assert.Equal(2, Calls(submission.CaseId, c => c.IsWrite && c.StateName == Shared));
        Assert.Equal(0, Calls(submission.CaseId, c => c.StateName == "case"));
    }

    [Fact]
    public async Task A_case_in_a_partition_of_its_own_is_found_there_and_stays_there()
    {
        // Submitted with a client request id, or before the batched intake: a new activation looks in the shared
        // partitions first, then in the case's own.
        var cadre = UniqueCadreId("wang");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
        var submission = fixture.Submission(community);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);
        await grain.SubmitAsync(submission);
        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal(CommandOutcome.Ok, (await grain.AcknowledgeAsync(cadre)).Outcome);
        await fixture.Cluster.DeactivateAsync(grain);
        await grain.SubmitAsync(submission);

        var snapshot = await grain.GetAsync();
        Assert.Equal(CaseStatus.Acknowledged, snapshot!.Status);
        Assert.Equal(4, snapshot.Timeline.Count);
        // The submission, the acknowledgement, and the redelivery's insert that found the row there (and wrote nothing).
        Assert.Equal(3, Calls(submission.CaseId, c => c.IsWrite && c.StateName == "case"));
        Assert.Equal(0, Calls(submission.CaseId, c => c.IsWrite && c.StateName == Shared));
        Assert.Equal([submission.CaseId], (await Client.GetGrain<ICommunityGrain>(community).GetCadreAsync(cadre))!.Assignments);
    }

    [Fact]
    public async Task A_batched_case_stored_but_unanswered_is_one_case_after_the_redelivery()
    {
        var cadre = UniqueCadreId("wang");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
        var submission = fixture.Submission(community);
        fixture.Faults.Inject(c => c.Key == submission.CaseId && c.IsWrite, StorageFault.TimesOutAfterStoring);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.SubmitBatchedAsync(submission));
        await grain.SubmitBatchedAsync(submission);

        var snapshot = await grain.GetAsync();
        Assert.Equal(3, snapshot!.Timeline.Count);
        Assert.Equal(cadre, snapshot.AssigneeId);
        Assert.Equal([submission.CaseId], (await Client.GetGrain<ICommunityGrain>(community).GetCadreAsync(cadre))!.Assignments);
        Assert.Equal(0, Calls(submission.CaseId, c => c.StateName == "case" && c.IsWrite));
    }

    [Fact]
    public async Task A_batched_case_whose_write_failed_after_the_community_gave_it_a_cadre_is_one_case_on_that_cadre_after_the_redelivery()
    {
        var cadre = UniqueCadreId("wang");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"), Cadre(UniqueCadreId("li"), true, "heating"));
        var submission = fixture.Submission(community);
        fixture.Faults.Inject(c => c.Key == submission.CaseId && c.IsWrite, StorageFault.FailsBeforeStoring);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.SubmitBatchedAsync(submission));
        await grain.SubmitBatchedAsync(submission);

        var snapshot = await grain.GetAsync();
        Assert.Equal(3, snapshot!.Timeline.Count);
        var roster = await Client.GetGrain<ICommunityGrain>(community).GetRosterAsync();
        Assert.Equal(1, roster.Sum(r => r.Load));
        Assert.Equal(1, roster.Single(r => r.Id == snapshot.AssigneeId).Load);
    }

    [Fact]
    public async Task A_retry_through_the_batched_queue_of_a_case_kept_in_its_own_partition_is_that_case()
    {
        // Accepted by a gateway from before the batched queue, retried by the resident through a newer one: same client
        // request id, same case id, the other queue.
        var (cadre, community, submission, grain) = await RetriableCaseAsync(batched: false);

        await grain.SubmitBatchedAsync(submission);

        await AssertOneCaseAsync(cadre, community, submission);
        Assert.Equal(0, Calls(submission.CaseId, c => c.IsWrite && c.StateName == Shared));
    }

    [Fact]
    public async Task A_retry_through_the_intake_queue_of_a_case_kept_in_the_shared_partitions_is_that_case()
    {
        var (cadre, community, submission, grain) = await RetriableCaseAsync(batched: true);

        await grain.SubmitAsync(submission);

        await AssertOneCaseAsync(cadre, community, submission);
        Assert.Equal(0, Calls(submission.CaseId, c => c.IsWrite && c.StateName == "case"));
    }

    [Fact]
    public async Task A_retry_through_the_other_queue_after_the_first_write_was_stored_but_unanswered_is_one_case()
    {
        var cadre = UniqueCadreId("wang");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"));
        var submission = fixture.Submission(community) with { ClientRequestId = Guid.NewGuid().ToString("D") };
        fixture.Faults.Inject(c => c.Key == submission.CaseId && c.IsWrite, StorageFault.TimesOutAfterStoring);
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.SubmitAsync(submission));
        await grain.SubmitBatchedAsync(submission);

        await AssertOneCaseAsync(cadre, community, submission);
        Assert.Equal(0, Calls(submission.CaseId, c => c.IsWrite && c.StateName == Shared));
    }

    [Fact]
    public async Task A_new_case_reads_nothing_before_its_insert_with_or_without_a_client_request_id()
    {
        // Only a case its community already held can be a retry through the other queue; a new one is written unread.
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("wang"), true, "heating"));
        var random = fixture.Submission(community);
        var retriable = fixture.Submission(community) with { ClientRequestId = Guid.NewGuid().ToString("D") };

        await Client.GetGrain<ICaseGrain>(random.CaseId).SubmitBatchedAsync(random);
        await Client.GetGrain<ICaseGrain>(retriable.CaseId).SubmitBatchedAsync(retriable);

        Assert.Equal(0, Calls(random.CaseId, c => c.Operation == "read"));
        Assert.Equal(0, Calls(retriable.CaseId, c => c.Operation == "read"));
        Assert.Equal(1, Calls(retriable.CaseId, c => c.IsWrite && c.StateName == Shared));
    }

    [Fact]
    public async Task A_case_in_neither_place_is_not_found()
    {
        var grain = Client.GetGrain<ICaseGrain>("nowhere-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Null(await grain.GetAsync());
        Assert.Equal(CommandOutcome.NotFound, (await grain.AcknowledgeAsync("anyone")).Outcome);
    }

    // A case submitted with a client request id through one queue, its activation then gone (as after a silo's restart).
    private async Task<(string Cadre, string Community, CaseSubmission Submission, ICaseGrain Grain)> RetriableCaseAsync(bool batched)
    {
        var cadre = UniqueCadreId("wang");
        var community = await fixture.NewCommunityAsync(Cadre(cadre, true, "heating"), Cadre(UniqueCadreId("li"), true, "heating"));
        var submission = fixture.Submission(community) with { ClientRequestId = Guid.NewGuid().ToString("D") };
        var grain = Client.GetGrain<ICaseGrain>(submission.CaseId);
        await (batched ? grain.SubmitBatchedAsync(submission) : grain.SubmitAsync(submission));
        await fixture.Cluster.DeactivateAsync(grain);
        return (cadre, community, submission, grain);
    }

    private async Task AssertOneCaseAsync(string cadre, string community, CaseSubmission submission)
    {
        var snapshot = await Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync();
        Assert.Equal(3, snapshot!.Timeline.Count);
        var roster = await Client.GetGrain<ICommunityGrain>(community).GetRosterAsync();
        Assert.Equal(1, roster.Sum(r => r.Load));
        Assert.Equal([submission.CaseId], (await Client.GetGrain<ICommunityGrain>(community).GetCadreAsync(snapshot.AssigneeId!))!.Assignments);
    }

    private int Calls(string caseId, Func<StorageCall, bool> match) => fixture.Faults.Count(c => c.Key == caseId && match(c));
}
