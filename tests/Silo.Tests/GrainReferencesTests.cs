using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Metrics;
using Gongzhi.Realtime;
using Gongzhi.Silo.Extensions;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

[Collection(ClusterCollection.Name)]
public sealed class GrainReferencesTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task References_made_from_the_remembered_types_reach_the_same_grains_as_GetGrain()
    {
        var refs = new GrainReferences(Client);
        var community = await fixture.NewCommunityAsync(Cadre(UniqueCadreId("li"), true, "heating"));
        var submission = fixture.Submission(community);

        // The first reference of a kind comes from GetGrain; the later ones from the types it remembered.
        foreach (var id in new[] { "first-" + community, submission.CaseId })
        {
            Assert.Equal(Client.GetGrain<ICaseGrain>(id).GetGrainId(), refs.Case(id).GetGrainId());
        }

        Assert.Equal(Client.GetGrain<ICommunityGrain>("another").GetGrainId(), refs.Community("another").GetGrainId());
        Assert.Equal(Client.GetGrain<ICommunityGrain>(community).GetGrainId(), refs.Community(community).GetGrainId());
        Assert.Equal(Client.GetGrain<IMetricsGrain>("another").GetGrainId(), refs.Metrics("another").GetGrainId());
        Assert.Equal(Client.GetGrain<IMetricsGrain>(community).GetGrainId(), refs.Metrics(community).GetGrainId());
        Assert.Equal(Client.GetGrain<IDispatchRegistryGrain>(0).GetGrainId(), refs.Registry.GetGrainId());

        // Calls through them reach the grains a cadre's screen reads.
        await refs.Case(submission.CaseId).SubmitAsync(submission);
        var snapshot = await Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync();
        Assert.Equal(CaseStatus.Assigned, snapshot!.Status);
        Assert.Equal(snapshot.AssigneeId, (await refs.Case(submission.CaseId).GetAsync())!.AssigneeId);
        Assert.Equal(1, (await refs.Community(community).GetRosterAsync()).Single().Load);
    }
}
