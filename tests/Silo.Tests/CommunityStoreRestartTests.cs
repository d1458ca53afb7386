using Gongzhi.Cases;
using Gongzhi.Communities;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>A community keeps its open cases in chunks beside its main row: after a restart it knows them all, who carries which, and who waits.</summary>
public sealed class CommunityStoreRestartTests(PersistentClusterFixture fixture) : IClassFixture<PersistentClusterFixture>
{
    [Fact]
    public async Task A_surge_of_cases_over_several_chunks_is_all_known_after_the_silo_restarts()
    {
        string wang = UniqueCadreId("wang"), li = UniqueCadreId("li");
        var community = "c-" + Guid.NewGuid().ToString("N")[..10];
        var info = ClusterFixture.Info(community);
        await fixture.Client.GetGrain<ICommunityGrain>(community).ConfigureAsync(new CommunityDefinition(info,
            [Cadre(wang, true, "heating") with { MaxOpenCases = 200 }, Cadre(li, true, "heating") with { MaxOpenCases = 40 }]));

        // 245 at once: more than two chunks' worth, 5 more than the two cadres can carry.
        var submissions = Enumerable.Range(0, 245).Select(i => Submission(community, $"s{i:D3}-{Guid.NewGuid():N}"[..16])).ToArray();
        await Task.WhenAll(submissions.Select(s => fixture.Client.GetGrain<ICaseGrain>(s.CaseId).SubmitAsync(s)));
        var grain = fixture.Client.GetGrain<ICommunityGrain>(community);
        var openBefore = await grain.GetOpenCasesAsync();
        var rosterBefore = await grain.GetRosterAsync();
        Assert.Equal(245, openBefore.Count);
        Assert.Equal([200, 40], rosterBefore.OrderBy(r => r.Id == li).Select(r => r.Load));

        await fixture.RestartAsync();

        grain = fixture.Client.GetGrain<ICommunityGrain>(community);
        Assert.Equal(openBefore, await grain.GetOpenCasesAsync());
        Assert.Equal(rosterBefore.Select(r => (r.Id, r.Load)), (await grain.GetRosterAsync()).Select(r => (r.Id, r.Load)));
        var wangsCases = (await grain.GetCadreAsync(wang))!.Assignments;
        Assert.Equal(200, wangsCases.Count);

        // Wang finishes one: the case that has waited longest is his next.
        var lisCases = (await grain.GetCadreAsync(li))!.Assignments;
        var waitingFirst = openBefore.First(id => !wangsCases.Contains(id) && !lisCases.Contains(id));
        var done = fixture.Client.GetGrain<ICaseGrain>(wangsCases[0]);
        Assert.Equal(CommandOutcome.Ok, (await done.AcknowledgeAsync(wang)).Outcome);
        Assert.Equal(CommandOutcome.Ok, (await done.ResolveAsync(CaseActor.Cadre(wang), "修好了")).Outcome);
        var next = await fixture.WaitForAsync(waitingFirst, s => s.Status == CaseStatus.Assigned);
        Assert.Equal(wang, next.AssigneeId);
    }

    private CaseSubmission Submission(string community, string caseId) =>
        new(caseId, community, CaseKind.Service, "heating", "暖气不热", new CaseLocation("east", "1", null), new ContactInfo("李福", "13800000000"), null, fixture.Time.GetUtcNow());
}
