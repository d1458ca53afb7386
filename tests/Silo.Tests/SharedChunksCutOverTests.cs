using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Domain;
using Gongzhi.Metrics;
using Gongzhi.Silo.Grains;
using Gongzhi.Silo.Metrics;
using Gongzhi.Silo.Storage;
using Orleans.Storage;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// The cut-over to shared chunks (D16-shared-chunks), on real table storage: a community and a metrics grain stored
/// before it, with their chunks in partitions of their own, keep every item after the upgrade; the chunks they add go
/// to the shared partitions, the old ones stay where they are and are still written there, and a restart finds both.
/// </summary>
public sealed class SharedChunksCutOverTests(PersistentClusterFixture fixture) : IClassFixture<PersistentClusterFixture>
{
    private IGrainStorage Storage => fixture.Cluster.GrainStorage();

    [Fact]
    public async Task A_community_stored_before_shared_chunks_keeps_its_open_cases_and_adds_new_ones_in_the_shared_partitions()
    {
        var wang = UniqueCadreId("wang");
        var community = "c-" + Guid.NewGuid().ToString("N")[..10];
        var grain = fixture.Client.GetGrain<ICommunityGrain>(community);
        await grain.ConfigureAsync(new CommunityDefinition(ClusterFixture.Info(community), [Cadre(wang, true, "heating") with { MaxOpenCases = 500 }]));
        await fixture.RestartAsync();
        // As a silo from before left it: one full chunk of wang's cases in a partition of its own, listed as a plain array.
        var now = fixture.Time.GetUtcNow();
        var before = Enumerable.Range(0, CommunityStore.ChunkSize).Select(i => $"old-{i:D3}-{community}").ToArray();
        var chunk = new OpenCaseChunk { Cases = [.. before.Select(id => new OpenCase(new OpenCaseEntry(id, "heating", "east", "1", now.AddHours(-1)), wang, now.AddMinutes(-50)))] };
        await Storage.WriteStateAsync("community-cases", ChunkId("gongzhi-community-cases", community, 0), new GrainState<OpenCaseChunk>(chunk));
        var main = await ReadAsync<CommunityState>("community", grain.GetGrainId());
        main.State!.Chunks = [0];
        main.State.NextChunk = 1;
        await Storage.WriteStateAsync("community", grain.GetGrainId(), main);

        // After the upgrade: five new cases, a chunk more.
        var added = Enumerable.Range(0, 5).Select(_ => Submission(community)).ToArray();
        foreach (var submission in added)
        {
            await fixture.Client.GetGrain<ICaseGrain>(submission.CaseId).SubmitBatchedAsync(submission);
        }

        var stored = (await ReadAsync<CommunityState>("community", grain.GetGrainId())).State!.Chunks;
        Assert.Equal([0, 1], stored);
        Assert.Equal(1, stored.SharedFrom);
        Assert.True((await ReadAsync<OpenCaseChunk>("community-cases", ChunkId("gongzhi-community-cases", community, 0))).RecordExists);
        Assert.Equal(added.Select(s => s.CaseId), (await ReadAsync<OpenCaseChunk>(StorageNames.Shared("community-cases"), ChunkId("gongzhi-community-cases", community, 1))).State!.Cases.Select(c => c.CaseId));

        await fixture.RestartAsync();

        Assert.Equal([.. before, .. added.Select(s => s.CaseId)], await grain.GetOpenCasesAsync());
        Assert.Equal(105, (await grain.GetRosterAsync()).Single().Load);

        // An old case closes: its chunk is written where it is, and the next activation knows it.
        await grain.CaseClosedAsync(before[0]);
        await fixture.RestartAsync();
        Assert.Equal([.. before.Skip(1), .. added.Select(s => s.CaseId)], await grain.GetOpenCasesAsync());
        Assert.DoesNotContain(before[0], (await ReadAsync<OpenCaseChunk>("community-cases", ChunkId("gongzhi-community-cases", community, 0))).State!.Cases.Select(c => c.CaseId));
    }

    [Fact]
    public async Task A_metrics_grain_stored_before_shared_chunks_keeps_every_fact_and_adds_new_ones_in_the_shared_partitions()
    {
        var community = "m-" + Guid.NewGuid().ToString("N")[..10];
        var grain = fixture.Client.GetGrain<IMetricsGrain>(community);
        var now = fixture.Time.GetUtcNow();
        var before = Enumerable.Range(0, MetricsGrain.ChunkSize).Select(i => Fact(community, $"old-{i:D3}", now.AddHours(-i))).ToArray();
        await Storage.WriteStateAsync("metrics-facts", ChunkId("gongzhi-metrics-facts", community, 0), new GrainState<CaseFactChunk>(new CaseFactChunk { Cases = [.. before] }));
        await Storage.WriteStateAsync("metrics", grain.GetGrainId(), new GrainState<MetricsState>(new MetricsState { Chunks = [0], NextChunk = 1 }));

        var added = Enumerable.Range(0, 3).Select(i => Fact(community, $"new-{i}", now.AddMinutes(-i))).ToArray();
        foreach (var fact in added)
        {
            await grain.RecordAsync(fact);
        }

        // A closing fact is stored at once, with everything before it (RecordAsync is one-way: ask until the grain holds it).
        var closed = before[7] with { ResolvedAt = now, Closure = CaseClosure.Rated, Seq = 4 };
        await grain.RecordAsync(closed);
        await Eventually.GetAsync(() => grain.GetFactsAsync(now.AddDays(-30), now.AddDays(1)), f => f.Contains(closed), "the closing fact is held");
        await fixture.RestartAsync();

        var facts = await grain.GetFactsAsync(now.AddDays(-30), now.AddDays(1));
        Assert.Equal([.. before.Select(f => f.CaseId == closed.CaseId ? closed : f), .. added], facts.OrderBy(f => f.CaseId.StartsWith("new", StringComparison.Ordinal)).ThenBy(f => f.CaseId, StringComparer.Ordinal));
        var stored = (await ReadAsync<MetricsState>("metrics", grain.GetGrainId())).State!.Chunks;
        Assert.Equal([0, 1], stored);
        Assert.Equal(1, stored.SharedFrom);
        Assert.Contains((await ReadAsync<CaseFactChunk>("metrics-facts", ChunkId("gongzhi-metrics-facts", community, 0))).State!.Cases, f => f.CaseId == closed.CaseId && f.Closure == CaseClosure.Rated);
        // One-way messages may arrive in any order.
        Assert.Equal(added.Select(f => f.CaseId), (await ReadAsync<CaseFactChunk>(StorageNames.Shared("metrics-facts"), ChunkId("gongzhi-metrics-facts", community, 1))).State!.Cases.Select(f => f.CaseId).Order(StringComparer.Ordinal));
    }

    private static GrainId ChunkId(string type, string key, int chunk) => GrainId.Create(type, $"{key}/{chunk}");

    private async Task<GrainState<T>> ReadAsync<T>(string stateName, GrainId id)
        where T : class, new()
    {
        var state = new GrainState<T>(new T());
        await Storage.ReadStateAsync(stateName, id, state);
        return state;
    }

    private static CaseFact Fact(string communityId, string caseId, DateTimeOffset submitted) =>
        new(caseId, communityId, "sub-1", "heating", CaseKind.Service, "wang", submitted, submitted, null, submitted.AddMinutes(30), null, submitted.AddDays(1), null, null, null, Seq: 1);

    private CaseSubmission Submission(string community) =>
        new("n-" + Guid.NewGuid().ToString("N")[..12], community, CaseKind.Service, "heating", "暖气不热", new CaseLocation("east", "1", null),
            new ContactInfo("李福", "13800000000"), null, fixture.Time.GetUtcNow());
}
