using Gongzhi.Cases;
using Gongzhi.Communities;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>Deadlines are Orleans reminders in Azure Table storage: they fire after the silo has been restarted.</summary>
public sealed class ReminderRestartTests(PersistentClusterFixture fixture) : IClassFixture<PersistentClusterFixture>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

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

        var before = fixture.Cluster.Silos.Select(s => s.SiloAddress).ToArray();
        foreach (var silo in fixture.Cluster.Silos.ToArray())
        {
            await fixture.Cluster.RestartSiloAsync(silo);
        }

        Assert.Empty(fixture.Cluster.Silos.Select(s => s.SiloAddress).Intersect(before));
        await ReconnectedAsync();

        await fixture.Client.GetGrain<ICommunityGrain>(community).SetDutyAsync(second, true);
        await fixture.Client.GetGrain<ICommunityGrain>(community).ConfigureAsync(
            new CommunityDefinition(info, [Cadre(first, true, "heating"), Cadre(second, true, "heating")]));
        fixture.Time.Advance(TimeSpan.FromMinutes(11));

        var snapshot = await WaitForAsync(submission.CaseId, s => s.AssigneeId == second);
        Assert.Contains(snapshot.Timeline, e => e.Type == CaseEventType.OfferExpired && e.Reference == first);
        Assert.Equal(CaseStatus.Assigned, snapshot.Status);
        var roster = await fixture.Client.GetGrain<ICommunityGrain>(community).GetRosterAsync();
        Assert.Equal(0, roster.Single(r => r.Id == first).Load);
        Assert.Equal(1, roster.Single(r => r.Id == second).Load);
    }

    // The client finds the restarted silo by itself; until it has, calls fail fast.
    private async Task ReconnectedAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                await fixture.Client.GetGrain<ICommunityGrain>("probe").GetInfoAsync();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(Interval);
            }
        }
    }

    // Reminders tick in real time (every second here) and read the fake clock; ask until the case shows the change.
    private async Task<CaseSnapshot> WaitForAsync(string caseId, Func<CaseSnapshot, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var snapshot = await fixture.Client.GetGrain<ICaseGrain>(caseId).GetAsync();
            if (snapshot is not null && condition(snapshot))
            {
                return snapshot;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Case {caseId} did not change as expected; timeline: {string.Join(", ", snapshot?.Timeline.Select(e => e.Type) ?? [])}");
            }

            await Task.Delay(Interval);
        }
    }
}
