using Gongzhi.Cases;
using Gongzhi.Communities;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>Deadlines are watched by each community, rebuilt from its stored open cases: they fire after the silo has been restarted.</summary>
public sealed class DeadlineWatchRestartTests(PersistentClusterFixture fixture) : IClassFixture<PersistentClusterFixture>
{
    [Fact]
    public async Task A_lapsed_offer_is_withdrawn_and_offered_to_the_next_cadre_after_the_silo_restarts()
    {
        string first = UniqueCadreId("first"), second = UniqueCadreId("second");
        var community = "c-" + Guid.NewGuid().ToString("N")[..10];
        var info = new CommunityInfo(community, "测试社区", "Test", "sub-1", "county-1",
            [new CompoundInfo("east", "东区", "East", ["1"])],
            [new CategoryInfo("heating", "供暖", "Heating", HandlingMode.DoItNow) { SlaClass = "utilities" }])
        {
            SlaClasses = [new SlaClassInfo("utilities", TimeSpan.FromHours(2), TimeSpan.FromHours(24))],
        };
        await fixture.Client.GetGrain<ICommunityGrain>(community).ConfigureAsync(new CommunityDefinition(info, [Cadre(first, true, "heating")]));
        var submission = new CaseSubmission("r" + Guid.NewGuid().ToString("N")[..15], community, CaseKind.Service, "heating", "暖气不热",
            new CaseLocation("east", "1", null), new ContactInfo("李福", "13800000000"), null, fixture.Time.GetUtcNow());
        await fixture.Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);
        Assert.Equal(first, (await fixture.Client.GetGrain<ICaseGrain>(submission.CaseId).GetAsync())!.AssigneeId);

        await fixture.RestartAsync();

        await fixture.Client.GetGrain<ICommunityGrain>(community).SetDutyAsync(second, true);
        await fixture.Client.GetGrain<ICommunityGrain>(community).ConfigureAsync(
            new CommunityDefinition(info, [Cadre(first, true, "heating"), Cadre(second, true, "heating")]));
        fixture.Time.Advance(TimeSpan.FromMinutes(11));

        var snapshot = await fixture.WaitForAsync(submission.CaseId, s => s.AssigneeId == second);
        Assert.Contains(snapshot.Timeline, e => e.Type == CaseEventType.OfferExpired && e.Reference == first);
        Assert.Equal(CaseStatus.Assigned, snapshot.Status);
        var roster = await fixture.Client.GetGrain<ICommunityGrain>(community).GetRosterAsync();
        Assert.Equal(0, roster.Single(r => r.Id == first).Load);
        Assert.Equal(1, roster.Single(r => r.Id == second).Load);
    }
}
