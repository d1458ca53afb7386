using Gongzhi.Cases;
using Gongzhi.Communities;

namespace Gongzhi.Silo.Tests;

/// <summary>The community watches its arrivals: a surge of heating complaints from one building raises one warning, pushed, listed, and kept over a restart.</summary>
public sealed class SurgeWarningTests(PersistentClusterFixture fixture) : IClassFixture<PersistentClusterFixture>
{
    [Fact]
    public async Task A_surge_in_one_building_raises_one_warning_pushed_listed_and_kept_after_a_restart()
    {
        var community = "c-" + Guid.NewGuid().ToString("N")[..10];
        var grain = fixture.Client.GetGrain<ICommunityGrain>(community);
        await grain.ConfigureAsync(new CommunityDefinition(ClusterFixture.Info(community), [ClusterFixture.Cadre(ClusterFixture.UniqueCadreId("wang"), true, "heating") with { MaxOpenCases = 50 }]));
        var listener = new SurgeListener(community);
        var submitted = new List<string>();
        await using (await SurgeListener.ListenAsync(fixture.Client, listener))
        {
            // Ten heating complaints from building 1 of East, three minutes apart: far more than a new place's hour brings.
            for (var i = 0; i < 10; i++)
            {
                var submission = Submission(community);
                submitted.Add(submission.CaseId);
                await fixture.Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);
                fixture.Time.Advance(TimeSpan.FromMinutes(3));
            }

            await Eventually.HoldsAsync(() => Task.FromResult(!listener.Heard.IsEmpty), "a surge warning is pushed");
            var alerts = await grain.GetSurgeAlertsAsync();
            var alert = Assert.Single(alerts);
            Assert.Equal(alert.AlertId, Assert.Single(listener.Heard).AlertId);
            Assert.Equal((community, "sub-1", "east", "1", "heating"), (alert.CommunityId, alert.SubdistrictId, alert.Compound, alert.Building, alert.Category));
            Assert.Equal(alert.Count, alert.CaseIds.Count);
            Assert.Subset(submitted.ToHashSet(), alert.CaseIds.ToHashSet());
            Assert.Equal(SurgeSettings.Default.WindowMinutes, alert.WindowMinutes);
            Assert.True(alert.Expected < 1, $"expected {alert.Expected}");
        }

        await fixture.RestartAsync();

        var listed = Assert.Single(await fixture.Client.GetGrain<ICommunityGrain>(community).GetSurgeAlertsAsync());
        Assert.Equal(submitted.Take(listed.Count), listed.CaseIds);
    }

    [Fact]
    public async Task Ordinary_arrivals_spread_over_the_day_raise_nothing()
    {
        var community = "c-" + Guid.NewGuid().ToString("N")[..10];
        var grain = fixture.Client.GetGrain<ICommunityGrain>(community);
        await grain.ConfigureAsync(new CommunityDefinition(ClusterFixture.Info(community), [ClusterFixture.Cadre(ClusterFixture.UniqueCadreId("li"), true, "heating") with { MaxOpenCases = 50 }]));

        // Eight complaints over a working day: one an hour.
        for (var i = 0; i < 8; i++)
        {
            var submission = Submission(community);
            await fixture.Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitAsync(submission);
            fixture.Time.Advance(TimeSpan.FromMinutes(61));
        }

        Assert.Equal(8, (await grain.GetOpenCasesAsync()).Count);
        Assert.Empty(await grain.GetSurgeAlertsAsync());
    }

    private CaseSubmission Submission(string community) =>
        new(Guid.NewGuid().ToString("N")[..16], community, CaseKind.Service, "heating", "暖气不热", new CaseLocation("east", "1", null),
            new ContactInfo("李福", "13800000000"), null, fixture.Time.GetUtcNow());
}
