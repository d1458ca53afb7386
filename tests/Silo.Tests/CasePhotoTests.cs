using Gongzhi.Cases;
using Gongzhi.Communities;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// The photo references a submission and a resolution carry land in the case's timeline (the submitted and the resolved
/// event) and are still there when the case is read back from storage.
/// </summary>
public sealed class CasePhotoTests(PersistentClusterFixture fixture) : IClassFixture<PersistentClusterFixture>
{
    [Fact]
    public async Task Photos_of_the_submission_and_of_the_resolution_survive_into_the_stored_timeline()
    {
        var wang = UniqueCadreId("wang");
        var community = "c-" + Guid.NewGuid().ToString("N")[..10];
        await fixture.Client.GetGrain<ICommunityGrain>(community).ConfigureAsync(new CommunityDefinition(Info(community), [Cadre(wang, true, "heating")]));
        string[] submitted = [$"/api/v1/photos/{Guid.NewGuid():N}.jpg", $"/api/v1/photos/{Guid.NewGuid():N}.png"];
        var submission = new CaseSubmission("p" + Guid.NewGuid().ToString("N")[..15], community, CaseKind.Service, "heating", "楼道漏水，见照片",
            new CaseLocation("east", "1", null), new ContactInfo("李福", "13800000000"), null, fixture.Time.GetUtcNow(), submitted);
        var grain = fixture.Client.GetGrain<ICaseGrain>(submission.CaseId);
        await grain.SubmitAsync(submission);
        await grain.AcknowledgeAsync(wang);
        string[] resolvedWith = [$"/api/v1/cases/{submission.CaseId}/photos/{Guid.NewGuid():N}.jpg"];

        await grain.ResolveAsync(CaseActor.Cadre(wang), "管道已修好", resolvedWith);

        await fixture.Cluster.DeactivateAsync(grain);
        var stored = (await grain.GetAsync())!;
        Assert.Equal(submitted, stored.Timeline.Single(e => e.Type == CaseEventType.Submitted).Photos);
        Assert.Equal(resolvedWith, stored.Timeline.Single(e => e.Type == CaseEventType.Resolved).Photos);
        Assert.All(stored.Timeline.Where(e => e.Type is not (CaseEventType.Submitted or CaseEventType.Resolved)), e => Assert.Null(e.Photos));
    }
}
