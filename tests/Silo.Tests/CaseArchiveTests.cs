using Azure.Storage.Blobs;
using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Silo.Archive;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>A long timeline moves to blob storage in write-once chunks; the whole history stays readable, also after the case closes.</summary>
public sealed class CaseArchiveTests(PersistentClusterFixture fixture) : IClassFixture<PersistentClusterFixture>
{
    [Fact]
    public async Task The_older_events_of_a_long_timeline_are_archived_and_the_full_history_reads_back_in_order()
    {
        var wang = UniqueCadreId("wang");
        var community = "c-" + Guid.NewGuid().ToString("N")[..10];
        await fixture.Client.GetGrain<ICommunityGrain>(community).ConfigureAsync(new CommunityDefinition(Info(community), [Cadre(wang, true, "heating")]));
        var submission = new CaseSubmission("a" + Guid.NewGuid().ToString("N")[..15], community, CaseKind.Service, "heating", "暖气不热",
            new CaseLocation("east", "1", null), new ContactInfo("李福", "13800000000"), null, fixture.Time.GetUtcNow());
        var grain = fixture.Client.GetGrain<ICaseGrain>(submission.CaseId);
        await grain.SubmitAsync(submission);
        for (var i = 0; i < 20; i++)
        {
            await grain.RecordNoticeAsync(new CaseNotice(CaseEventType.VideoPetitionRequested, "resident", null, $"request {i}", null));
        }

        await grain.AcknowledgeAsync(wang);
        await grain.ResolveAsync(CaseActor.Cadre(wang), "修好了");
        await grain.RateAsync(SatisfactionRating.Satisfied, "好");

        var blobs = new BlobServiceClient(fixture.Azurite.ConnectionString).GetBlobContainerClient(BlobCaseArchive.ContainerName);
        var chunks = new List<string>();
        await foreach (var blob in blobs.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, submission.CaseId + "/", CancellationToken.None))
        {
            chunks.Add(blob.Name);
        }

        Assert.NotEmpty(chunks);
        await fixture.Cluster.DeactivateAsync(grain);
        var closed = (await grain.GetAsync())!;
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(Enumerable.Range(1, 26), closed.Timeline.Select(e => e.Seq));
        Assert.Equal("request 0", closed.Timeline[3].Note);
        Assert.Equal(CaseEventType.Rated, closed.Timeline[^1].Type);
    }
}
