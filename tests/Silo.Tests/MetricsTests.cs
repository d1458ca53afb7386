using System.Runtime.CompilerServices;
using System.Text.Json;
using Gongzhi.Cases;
using Gongzhi.Metrics;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Metrics;

namespace Gongzhi.Silo.Tests;

[Collection(ClusterCollection.Name)]
public sealed class MetricsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static string NewCommunityId() => "m-" + Guid.NewGuid().ToString("N")[..10];

    private static CaseFact Fact(string communityId, string caseId, DateTimeOffset submitted, string? cadre = "wang") =>
        new(caseId, communityId, "sub-1", "heating", CaseKind.Service, cadre, submitted, submitted, null, submitted.AddMinutes(30), null, submitted.AddDays(1), null, null, null);

    // The last day up to now, by month.
    private KpiQuery Month(string scope, params KpiDimension[] by) =>
        new(scope, KpiPeriod.Month, fixture.Time.GetUtcNow().AddDays(-1), fixture.Time.GetUtcNow().AddSeconds(1), by);

    // RecordAsync is one-way: ask until the grain has taken what was sent.
    private static Task<KpiReport> ReportWhenAsync(IMetricsGrain grain, KpiQuery query, Func<KpiReport, bool> done, [CallerArgumentExpression(nameof(done))] string what = "") =>
        Eventually.GetAsync(() => grain.GetReportAsync(query), done, what, Describe);

    private static string Describe(KpiReport report) => JsonSerializer.Serialize(report);

    [Fact]
    public async Task The_latest_fact_of_a_case_replaces_the_earlier_ones()
    {
        var community = NewCommunityId();
        var grain = fixture.Client.GetGrain<IMetricsGrain>(community);
        var submitted = Fact(community, "case-1", fixture.Time.GetUtcNow().AddHours(-3));
        await grain.RecordAsync(submitted with { Seq = 3 });
        await grain.RecordAsync(submitted with { AcknowledgedAt = submitted.SubmittedAt.AddMinutes(10), Seq = 4 });
        await grain.RecordAsync(submitted with
        {
            AcknowledgedAt = submitted.SubmittedAt.AddMinutes(10),
            ResolvedAt = submitted.SubmittedAt.AddHours(2),
            ResolvedAtLevel = CaseLevel.Community,
            Seq = 5,
        });

        var report = await ReportWhenAsync(grain, Month(community), r => r.Total.Resolved == 1);
        // A stale fact arriving late changes nothing.
        await grain.RecordAsync(submitted with { Seq = 3 });
        report = await grain.GetReportAsync(Month(community));

        Assert.Equal(1, report.Total.Submitted);
        Assert.Equal(1, report.Total.Acknowledged);
        Assert.Equal(1.0, report.Total.ResolutionRate);
        Assert.Equal(600, report.Total.MedianSecondsToAcknowledge);
        Assert.Equal(7200, report.Total.MedianSecondsToResolve);
    }

    [Fact]
    public async Task Cases_closed_more_than_400_days_ago_are_forgotten_open_ones_are_kept()
    {
        var community = NewCommunityId();
        var grain = fixture.Client.GetGrain<IMetricsGrain>(community);
        var now = fixture.Time.GetUtcNow();
        var longAgo = now.AddDays(-500);
        await grain.RecordAsync(Fact(community, "closed-long-ago", longAgo) with { ResolvedAt = longAgo.AddDays(1), Closure = CaseClosure.Rated });
        await grain.RecordAsync(Fact(community, "open-long-ago", longAgo));
        await grain.RecordAsync(Fact(community, "recent", now.AddHours(-1)));

        var query = new KpiQuery(community, KpiPeriod.Month, longAgo, now, []);
        var report = await ReportWhenAsync(grain, query, r => r.Total.Submitted >= 2);

        Assert.Equal(2, report.Total.Submitted);
        var facts = await grain.GetFactsAsync(longAgo, now.AddDays(1));
        Assert.Equal(["open-long-ago", "recent"], facts.Select(f => f.CaseId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_fact_of_another_community_is_not_counted()
    {
        var community = NewCommunityId();
        var grain = fixture.Client.GetGrain<IMetricsGrain>(community);
        await grain.RecordAsync(Fact("elsewhere", "stray", fixture.Time.GetUtcNow()));
        await grain.RecordAsync(Fact(community, "mine", fixture.Time.GetUtcNow()));

        var report = await ReportWhenAsync(grain, Month(community), r => r.Total.Submitted >= 1);

        Assert.Equal(1, report.Total.Submitted);
    }

    [Fact]
    public async Task A_report_over_several_communities_computes_over_all_their_cases()
    {
        var (east, west) = (NewCommunityId(), NewCommunityId());
        var now = fixture.Time.GetUtcNow();
        foreach (var (community, minutes) in new[] { (east, 10), (east, 20), (west, 30), (west, 40) })
        {
            var fact = Fact(community, $"{community}-{minutes}", now.AddHours(-2));
            await fixture.Client.GetGrain<IMetricsGrain>(community).RecordAsync(fact with { AcknowledgedAt = fact.SubmittedAt.AddMinutes(minutes) });
        }

        await ReportWhenAsync(fixture.Client.GetGrain<IMetricsGrain>(east), Month(east), r => r.Total.Acknowledged == 2);
        await ReportWhenAsync(fixture.Client.GetGrain<IMetricsGrain>(west), Month(west), r => r.Total.Acknowledged == 2);
        var report = await fixture.Client.GetGrain<IMetricsReportGrain>(0).BuildAsync([east, west], Month("sub-1", KpiDimension.Community));

        Assert.Equal("sub-1", report.Scope);
        Assert.Equal(4, report.Total.Acknowledged);
        Assert.Equal(20 * 60, report.Total.MedianSecondsToAcknowledge);
        Assert.Equal(40 * 60, report.Total.P90SecondsToAcknowledge);
        var bucket = Assert.Single(report.Buckets, b => b.Total.Submitted > 0);
        Assert.Equal(new[] { east, west }.Order(StringComparer.Ordinal), bucket.ByCommunity.Select(g => g.Key));
        Assert.All(bucket.ByCommunity, g => Assert.Equal(2, g.Figures.Submitted));
    }

    [Fact]
    public void The_stored_state_round_trips_through_the_json_used_for_table_storage()
    {
        var fact = Fact("ximen", "case-1", fixture.Time.GetUtcNow()) with
        {
            ResolvedAt = fixture.Time.GetUtcNow().AddHours(1),
            ResolvedAtLevel = CaseLevel.Subdistrict,
            Rating = SatisfactionRating.Basically,
            Closure = CaseClosure.Rated,
        };
        var serializer = SiloExtensions.CreateStateSerializer();

        var copy = serializer.Deserialize<CaseFactChunk>(serializer.Serialize(new CaseFactChunk { Cases = [fact] }))!;

        Assert.Equal(fact, Assert.Single(copy.Cases));
    }
}
