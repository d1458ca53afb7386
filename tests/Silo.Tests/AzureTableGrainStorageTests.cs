using Azure.Data.Tables;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Silo.Grains;
using Gongzhi.Silo.Storage;
using Orleans.Storage;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>With <c>Orleans:GrainStorage</c> = <c>AzureTable</c> the grains run unchanged on Orleans' own provider, across a restart too.</summary>
public sealed class AzureTableGrainStorageTests(AzureTableClusterFixture fixture) : IClassFixture<AzureTableClusterFixture>
{
    [Fact]
    public async Task A_case_goes_from_submission_to_closed_and_reads_back_from_orleans_table()
    {
        var wang = UniqueCadreId("wang");
        var community = await NewCommunityAsync(Cadre(wang, true, "heating"));
        var submission = Submission(community, "a" + Guid.NewGuid().ToString("N")[..15]);
        var grain = fixture.Client.GetGrain<ICaseGrain>(submission.CaseId);

        await grain.SubmitAsync(submission);
        var assigned = await fixture.WaitForAsync(submission.CaseId, s => s.Status == CaseStatus.Assigned);
        Assert.Equal(wang, assigned.AssigneeId);
        Assert.Equal(CommandOutcome.Ok, (await grain.AcknowledgeAsync(wang)).Outcome);
        Assert.Equal(CommandOutcome.Ok, (await grain.ResolveAsync(CaseActor.Cadre(wang), "修好了")).Outcome);
        Assert.Equal(CommandOutcome.Ok, (await grain.RateAsync(SatisfactionRating.Satisfied, "好")).Outcome);
        await fixture.Cluster.DeactivateAsync(grain);

        var closed = (await grain.GetAsync())!;
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(CaseEventType.Rated, closed.Timeline[^1].Type);
        Assert.Empty(await fixture.Client.GetGrain<ICommunityGrain>(community).GetOpenCasesAsync());
        Assert.True(await RowsInAsync(StorageNames.OrleansGrainTable, submission.CaseId) > 0);
        Assert.Equal(0, await RowsInAsync(StorageNames.GrainTable, submission.CaseId));
    }

    [Fact]
    public async Task A_closed_case_whose_submission_comes_again_to_a_new_activation_stays_closed_and_off_the_cadre()
    {
        // The case is written unread as new: Orleans' provider must refuse that insert over the stored row.
        var wang = UniqueCadreId("wang");
        var community = await NewCommunityAsync(Cadre(wang, true, "heating"));
        var submission = Submission(community, "r" + Guid.NewGuid().ToString("N")[..15]);
        var grain = fixture.Client.GetGrain<ICaseGrain>(submission.CaseId);
        await grain.SubmitAsync(submission);
        await fixture.WaitForAsync(submission.CaseId, s => s.Status == CaseStatus.Assigned);
        Assert.Equal(CommandOutcome.Ok, (await grain.AcknowledgeAsync(wang)).Outcome);
        Assert.Equal(CommandOutcome.Ok, (await grain.ResolveAsync(CaseActor.Cadre(wang), "修好了")).Outcome);
        Assert.Equal(CommandOutcome.Ok, (await grain.RateAsync(SatisfactionRating.Satisfied, "好")).Outcome);
        await fixture.Cluster.DeactivateAsync(grain);

        await grain.SubmitAsync(submission);

        Assert.Equal(CaseStatus.Closed, (await grain.GetAsync())!.Status);
        Assert.Empty((await fixture.Client.GetGrain<ICommunityGrain>(community).GetCadreAsync(wang))!.Assignments);
        Assert.Empty(await fixture.Client.GetGrain<ICommunityGrain>(community).GetOpenCasesAsync());
    }

    [Fact]
    public async Task Open_cases_over_two_chunks_and_a_resolved_case_are_all_known_after_the_silo_restarts()
    {
        var wang = UniqueCadreId("wang");
        var community = await NewCommunityAsync(Cadre(wang, true, "heating") with { MaxOpenCases = 200 });
        var submissions = Enumerable.Range(0, CommunityStore.ChunkSize + 5).Select(i => Submission(community, $"s{i:D3}-{Guid.NewGuid():N}"[..16])).ToArray();
        await Task.WhenAll(submissions.Select(s => fixture.Client.GetGrain<ICaseGrain>(s.CaseId).SubmitAsync(s)));
        var first = fixture.Client.GetGrain<ICaseGrain>(submissions[0].CaseId);
        await fixture.WaitForAsync(submissions[0].CaseId, s => s.Status == CaseStatus.Assigned);
        Assert.Equal(CommandOutcome.Ok, (await first.AcknowledgeAsync(wang)).Outcome);
        Assert.Equal(CommandOutcome.Ok, (await first.ResolveAsync(CaseActor.Cadre(wang), "修好了")).Outcome);
        var grain = fixture.Client.GetGrain<ICommunityGrain>(community);
        var openBefore = await grain.GetOpenCasesAsync();
        var loadBefore = (await grain.GetCadreAsync(wang))!.Assignments;

        await fixture.RestartAsync();

        grain = fixture.Client.GetGrain<ICommunityGrain>(community);
        Assert.Equal(openBefore, await grain.GetOpenCasesAsync());
        Assert.Equal(loadBefore, (await grain.GetCadreAsync(wang))!.Assignments);
        Assert.Equal(CaseStatus.Resolved, (await fixture.Client.GetGrain<ICaseGrain>(submissions[0].CaseId).GetAsync())!.Status);
    }

    [Fact]
    public async Task A_row_cleared_without_its_etag_is_deleted_and_one_added_over_an_orphan_is_refused_as_inconsistent()
    {
        // What a chunked store does: it drops a chunk through a fresh row (no ETag) and adds one expecting a conflict over an orphan.
        var storage = fixture.Cluster.GrainStorage();
        var row = GrainId.Create("gongzhi-test-rows", Guid.NewGuid().ToString("N"));
        await storage.WriteStateAsync("test-rows", row, new GrainState<TestRow>(new TestRow { Note = "orphan" }));

        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => storage.WriteStateAsync("test-rows", row, new GrainState<TestRow>(new TestRow())));
        await storage.ClearStateAsync("test-rows", row, new GrainState<TestRow>());

        var after = new GrainState<TestRow>();
        await storage.ReadStateAsync("test-rows", row, after);
        Assert.False(after.RecordExists);
    }

    private async Task<string> NewCommunityAsync(params CadreProfile[] cadres)
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..10];
        await fixture.Client.GetGrain<ICommunityGrain>(id).ConfigureAsync(new CommunityDefinition(Info(id), cadres));
        return id;
    }

    private CaseSubmission Submission(string community, string caseId) =>
        new(caseId, community, CaseKind.Service, "heating", "暖气不热", new CaseLocation("east", "1", null), new ContactInfo("李福", "13800000000"), null, fixture.Time.GetUtcNow());

    // Rows whose partition key names the grain (both providers put the grain id in it); 0 when the table does not exist.
    private async Task<int> RowsInAsync(string table, string key)
    {
        var client = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient(table);
        try
        {
            var count = 0;
            await foreach (var entity in client.QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                count += entity.PartitionKey.Contains(key, StringComparison.Ordinal) ? 1 : 0;
            }

            return count;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
    }

    public sealed class TestRow
    {
        public string Note { get; set; } = "";
    }
}
