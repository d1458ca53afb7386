using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Domain;
using Gongzhi.Silo.Grains;
using Microsoft.Extensions.DependencyInjection;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>A persistent silo dispatching by <c>fair-share</c>.</summary>
public sealed class FairShareClusterFixture : PersistentClusterFixture
{
    protected override void Configure(ISiloBuilder silo) => silo.Services.Configure<DispatchOptions>(o => o.Policy = FairSharePolicy.Key);
}

/// <summary>
/// Under <c>fair-share</c> the community stores each cadre's week of cases given with the assignments, so a
/// restarted silo still knows who has had more, even of cases already resolved (D16-fair-share).
/// </summary>
public sealed class FairShareRestartTests(FairShareClusterFixture fixture) : IClassFixture<FairShareClusterFixture>
{
    [Fact]
    public async Task A_cadre_given_more_cases_this_week_is_passed_over_after_a_restart_though_their_cases_are_resolved()
    {
        string a = "a" + UniqueCadreId("x"), b = "b" + UniqueCadreId("x");
        var community = "c-" + Guid.NewGuid().ToString("N")[..10];
        var grain = fixture.Client.GetGrain<ICommunityGrain>(community);
        await grain.ConfigureAsync(new CommunityDefinition(ClusterFixture.Info(community), [Cadre(a, true, "heating"), Cadre(b, true, "heating")]));

        // Equal shifts, so per hour means per case: a, then b (a has one), then a (equal, and a id first).
        var given = new List<(string CaseId, string? CadreId)>();
        for (var i = 0; i < 3; i++)
        {
            var submission = Submission(community);
            await fixture.Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);
            given.Add((submission.CaseId, (await fixture.Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync())!.AssigneeId));
        }

        Assert.Equal([a, b, a], given.Select(g => g.CadreId));

        // a resolves both: a carries nothing now, b one case. The least loaded would be a.
        foreach (var (caseId, _) in given.Where(g => g.CadreId == a))
        {
            var done = fixture.Client.GetGrain<ICaseGrain>(caseId);
            Assert.Equal(CommandOutcome.Ok, (await done.AcknowledgeAsync(a)).Outcome);
            Assert.Equal(CommandOutcome.Ok, (await done.ResolveAsync(CaseActor.Cadre(a), "修好了")).Outcome);
        }

        Assert.Equal([(a, 0), (b, 1)], (await grain.GetRosterAsync()).OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => (r.Id, r.Load)));

        await fixture.RestartAsync();

        var next = Submission(community);
        await fixture.Client.GetGrain<ICaseGrain>(next.CaseId).SubmitAsync(next);
        Assert.Equal(b, (await fixture.Client.GetGrain<ICaseGrain>(next.CaseId).GetAsync())!.AssigneeId);
    }

    private CaseSubmission Submission(string community) =>
        new(Guid.NewGuid().ToString("N")[..16], community, CaseKind.Service, "heating", "暖气不热", new CaseLocation("east", "1", null),
            new ContactInfo("李福", "13800000000"), null, fixture.Time.GetUtcNow());
}
