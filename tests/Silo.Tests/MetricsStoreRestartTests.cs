using System.Runtime.CompilerServices;
using System.Text.Json;
using Gongzhi.Cases;
using Gongzhi.Metrics;
using Gongzhi.Silo.Metrics;
using Orleans.Storage;

namespace Gongzhi.Silo.Tests;

/// <summary>A community's KPI facts are stored in chunks beside a main row: after a restart every fact is known and the report is the same.</summary>
public sealed class MetricsStoreRestartTests(PersistentClusterFixture fixture) : IClassFixture<PersistentClusterFixture>
{
    private static string NewCommunityId() => "m-" + Guid.NewGuid().ToString("N")[..10];

    private static CaseFact Fact(string communityId, string caseId, DateTimeOffset submitted) =>
        new(caseId, communityId, "sub-1", "heating", CaseKind.Service, "wang", submitted, submitted, null, submitted.AddMinutes(30), null, submitted.AddDays(1), null, null, null, Seq: 1);

    private static CaseFact Closed(CaseFact fact, int minutesToAcknowledge) => fact with
    {
        AcknowledgedAt = fact.SubmittedAt.AddMinutes(minutesToAcknowledge),
        ResolvedAt = fact.SubmittedAt.AddHours(3),
        ResolvedAtLevel = CaseLevel.Community,
        Rating = SatisfactionRating.Satisfied,
        Closure = CaseClosure.Rated,
        Seq = 4,
    };

    private IGrainStorage Storage => fixture.Cluster.GrainStorage();

    // RecordAsync is one-way: ask until the grain holds what was sent.
    private Task<IReadOnlyList<CaseFact>> FactsWhenAsync(string community, DateTimeOffset from, Func<IReadOnlyList<CaseFact>, bool> done, [CallerArgumentExpression(nameof(done))] string what = "") =>
        Eventually.GetAsync(
            () => fixture.Client.GetGrain<IMetricsGrain>(community).GetFactsAsync(from, fixture.Time.GetUtcNow().AddDays(1)),
            done, what, facts => $"{facts.Count} facts");

    private static string[] Sorted(IEnumerable<CaseFact> facts) =>
        facts.OrderBy(f => f.CaseId, StringComparer.Ordinal).Select(f => JsonSerializer.Serialize(f)).ToArray();

    private async Task<MetricsState> MainRowAsync(string community)
    {
        var main = new GrainState<MetricsState>(new MetricsState());
        await Storage.ReadStateAsync("metrics", fixture.Client.GetGrain<IMetricsGrain>(community).GetGrainId(), main);
        return main.State ?? new MetricsState();
    }

    [Fact]
    public async Task A_community_with_facts_over_several_chunks_keeps_every_fact_and_the_same_report_after_the_silo_restarts()
    {
        var community = NewCommunityId();
        var now = fixture.Time.GetUtcNow();
        var from = now.AddDays(-30);
        var grain = fixture.Client.GetGrain<IMetricsGrain>(community);

        // 350 cases: more than three chunks; then a later word on some of them, old chunks and new.
        var facts = Enumerable.Range(0, 350).Select(i => Fact(community, $"case-{i:D3}", now.AddHours(-i))).ToArray();
        foreach (var fact in facts)
        {
            await grain.RecordAsync(fact);
        }

        await FactsWhenAsync(community, from, f => f.Count == 350);
        var later = facts.Where((_, i) => i % 7 == 0).Select((f, i) => i % 2 == 0 ? Closed(f, 10 + i) : f with { AcknowledgedAt = f.SubmittedAt.AddMinutes(i), Seq = 2 }).ToArray();
        foreach (var fact in later)
        {
            await grain.RecordAsync(fact);
        }

        var expected = facts.Select(f => later.FirstOrDefault(l => l.CaseId == f.CaseId) ?? f).ToArray();
        var before = await FactsWhenAsync(community, from, f => Sorted(f).SequenceEqual(Sorted(expected)));
        Assert.Equal(Sorted(expected), Sorted(before));
        var query = new KpiQuery(community, KpiPeriod.Day, from, now.AddSeconds(1), [KpiDimension.Category]);
        var reportBefore = JsonSerializer.Serialize(await grain.GetReportAsync(query));
        var summaryBefore = JsonSerializer.Serialize(await grain.GetSummaryAsync());

        await fixture.RestartAsync();

        grain = fixture.Client.GetGrain<IMetricsGrain>(community);
        Assert.Equal(Sorted(expected), Sorted(await grain.GetFactsAsync(from, now.AddDays(1))));
        Assert.Equal(reportBefore, JsonSerializer.Serialize(await grain.GetReportAsync(query)));
        Assert.Equal(summaryBefore, JsonSerializer.Serialize(await grain.GetSummaryAsync()));
        Assert.Equal(4, (await MainRowAsync(community)).Chunks.Count);
    }

    [Fact]
    public async Task Facts_past_the_retention_are_dropped_from_storage_and_their_empty_chunks_with_them()
    {
        var community = NewCommunityId();
        var now = fixture.Time.GetUtcNow();
        var from = now.AddDays(-500);
        var grain = fixture.Client.GetGrain<IMetricsGrain>(community);
        // 250 closed a day short of the retention fill chunks 0, 1 and half of 2; 120 open ones fill 2 and start 3.
        var old = Enumerable.Range(0, 250).Select(i => Closed(Fact(community, $"old-{i:D3}", now.AddDays(-400).AddMinutes(-i)), 5) with { ResolvedAt = now.AddDays(-399) }).ToArray();
        foreach (var fact in old)
        {
            await grain.RecordAsync(fact);
        }

        await FactsWhenAsync(community, from, f => f.Count == 250);
        var open = Enumerable.Range(0, 120).Select(i => Fact(community, $"open-{i:D3}", now.AddHours(-i))).ToArray();
        foreach (var fact in open)
        {
            await grain.RecordAsync(fact);
        }

        await FactsWhenAsync(community, from, f => f.Count == 370);
        await fixture.RestartAsync();
        Assert.Equal(370, (await fixture.Client.GetGrain<IMetricsGrain>(community).GetFactsAsync(from, now.AddDays(1))).Count);

        fixture.Time.Advance(TimeSpan.FromDays(2));
        grain = fixture.Client.GetGrain<IMetricsGrain>(community);
        await grain.RecordAsync(Fact(community, "today", fixture.Time.GetUtcNow()));
        var kept = await FactsWhenAsync(community, from, f => f.Count == 121);
        Assert.Equal(121, kept.Count);

        await fixture.RestartAsync();

        Assert.Equal(Sorted(kept), Sorted(await fixture.Client.GetGrain<IMetricsGrain>(community).GetFactsAsync(from, fixture.Time.GetUtcNow().AddDays(1))));
        Assert.Equal([2, 3], (await MainRowAsync(community)).Chunks);
    }
}
