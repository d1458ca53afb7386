using Gongzhi.Cases;
using Gongzhi.Communities;
using Gongzhi.Domain;
using Gongzhi.Silo.Grains;
using Gongzhi.Silo.Storage;
using Gongzhi.Silo.Tests.Faults;
using Orleans.Storage;
using static Gongzhi.Silo.Tests.ClusterFixture;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// The fair-share tally lives in the open-case chunks, stored with the case it counts, and moves to the main row when a
/// chunk is dropped (D16-fair-share): a dispatch into a chunk writes that chunk only, and a failure at any write (the
/// community goes, the next activation reads what is stored) neither loses nor doubles a count. The cluster runs fair-share.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FairShareFaultTests(FairShareFaultTests.FairShareFixture fixture) : IClassFixture<FairShareFaultTests.FairShareFixture>
{
    private const string Main = "community";

    // A new community keeps its chunks in the shared partitions (D16-shared-chunks).
    private static readonly string Chunks = StorageNames.Shared("community-cases");

    private IClusterClient Client => fixture.Client;

    private IGrainStorage Storage => fixture.Cluster.GrainStorage();

    [Fact]
    public async Task A_dispatch_into_an_existing_chunk_writes_that_chunk_and_not_the_main_row()
    {
        var (community, a, b) = await NewCommunityAsync();
        Assert.Equal(a, await DispatchAsync(community));

        var writes = fixture.Faults.Count(c => c.IsWrite && c.Key.StartsWith(community, StringComparison.Ordinal));
        var mainWrites = fixture.Faults.Count(c => c.IsWrite && c.StateName == Main && c.Key == community);
        Assert.Equal(b, await DispatchAsync(community));

        // One write, chunk 0's, with b's case and b's count.
        Assert.Equal(1, fixture.Faults.Count(c => c.IsWrite && c.Key.StartsWith(community, StringComparison.Ordinal)) - writes);
        Assert.Equal(mainWrites, fixture.Faults.Count(c => c.IsWrite && c.StateName == Main && c.Key == community));
        Assert.Equal(Counts((a, 1), (b, 1)), await StoredTallyAsync(community));
    }

    [Theory]
    [InlineData(StorageFault.FailsBeforeStoring)]
    [InlineData(StorageFault.TimesOutAfterStoring)]
    public async Task A_case_whose_main_row_write_failed_after_its_new_chunk_is_counted_once_when_dispatched_again(StorageFault fault)
    {
        var (community, a, b) = await NewCommunityAsync();

        // The first case opens chunk 0: the chunk (with a's count) is stored, the main row that lists it fails.
        fixture.Faults.Inject(c => c.IsWrite && c.StateName == Main && c.Key == community, fault);
        var first = fixture.Submission(community);
        await Assert.ThrowsAnyAsync<Exception>(() => DispatchAsync(community, first));
        await fixture.Cluster.DeactivateAsync(Client.GetGrain<ICommunityGrain>(community));

        Assert.Equal(a, await DispatchAsync(community, first));
        Assert.Equal(Counts((a, 1)), await StoredTallyAsync(community));
        Assert.Equal(b, await DispatchAsync(community));
        Assert.Equal(Counts((a, 1), (b, 1)), await StoredTallyAsync(community));
    }

    [Theory]
    [InlineData(StorageFault.FailsBeforeStoring)]
    [InlineData(StorageFault.TimesOutAfterStoring)]
    public async Task A_case_whose_chunk_write_failed_is_counted_once_when_dispatched_again(StorageFault fault)
    {
        var (community, a, b) = await NewCommunityAsync();
        Assert.Equal(a, await DispatchAsync(community));

        fixture.Faults.Inject(c => c.IsWrite && c.StateName == Chunks && c.Key == $"{community}/0", fault);
        var second = fixture.Submission(community);
        await Assert.ThrowsAnyAsync<Exception>(() => DispatchAsync(community, second));
        await fixture.Cluster.DeactivateAsync(Client.GetGrain<ICommunityGrain>(community));

        // Stored after all (timed out) or not: the retry answers b, and b's case is counted once.
        Assert.Equal(b, await DispatchAsync(community, second));
        Assert.Equal(Counts((a, 1), (b, 1)), await StoredTallyAsync(community));
    }

    [Theory]
    [InlineData("clear", StorageFault.FailsBeforeStoring)]
    [InlineData("write", StorageFault.FailsBeforeStoring)]
    [InlineData("write", StorageFault.TimesOutAfterStoring)]
    public async Task A_dropped_chunks_count_is_in_the_chunk_or_the_main_row_once_whichever_write_fails(string operation, StorageFault fault)
    {
        var (community, a, b) = await NewCommunityAsync();
        var grain = Client.GetGrain<ICommunityGrain>(community);

        // Chunk 0: a's case and 99 that wait (nobody takes certificates); chunk 1: b's case.
        var inFirst = new List<string> { fixture.Submission(community).CaseId };
        Assert.Equal(a, await DispatchAsync(community, fixture.Submission(community, caseId: inFirst[0])));
        for (var i = 1; i < CommunityStore.ChunkSize; i++)
        {
            var waiting = fixture.Submission(community, "certificates");
            Assert.Null(await DispatchAsync(community, waiting));
            inFirst.Add(waiting.CaseId);
        }

        Assert.Equal(b, await DispatchAsync(community));

        // Closing the last case of chunk 0 drops it; the chunk's clear (after the main row) or the main row's write fails.
        foreach (var caseId in inFirst[..^1])
        {
            await grain.CaseClosedAsync(caseId);
        }

        fixture.Faults.Inject(c => c.Operation == operation && (operation == "clear" ? c.Key == $"{community}/0" : c.StateName == Main && c.Key == community), fault);
        var fired = fixture.Faults.Fired;
        try
        {
            await grain.CaseClosedAsync(inFirst[^1]);
        }
        catch (Exception) when (operation == "write")
        {
        }

        Assert.Equal(fired + 1, fixture.Faults.Fired);
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.Equal(Counts((a, 1), (b, 1)), await StoredTallyAsync(community));

        // In memory too: a and b given one each, a carries none, b one: the next is a's (with a's doubled, b's).
        Assert.Equal(a, await DispatchAsync(community));
    }

    private async Task<(string Community, string A, string B)> NewCommunityAsync()
    {
        string a = "a" + UniqueCadreId("x"), b = "b" + UniqueCadreId("x");
        var heating = (CadreProfile p) => p with { MaxOpenCases = 50 };
        return (await fixture.NewCommunityAsync(heating(Cadre(a, true, "heating")), heating(Cadre(b, true, "heating"))), a, b);
    }

    private Task<string?> DispatchAsync(string community) => DispatchAsync(community, fixture.Submission(community));

    private async Task<string?> DispatchAsync(string community, CaseSubmission submission) =>
        (await Client.GetGrain<ICommunityGrain>(community).DispatchAsync(submission, [])).Assignment?.CadreId;

    private static Dictionary<string, int> Counts(params (string Cadre, int Count)[] counts) => counts.ToDictionary(c => c.Cadre, c => c.Count);

    // What the next activation counts: the main row's tallies and those of the chunks it lists (not of a chunk it no longer lists).
    private async Task<Dictionary<string, int>> StoredTallyAsync(string community)
    {
        var main = new GrainState<CommunityState>(new CommunityState());
        await Storage.ReadStateAsync(Main, Client.GetGrain<ICommunityGrain>(community).GetGrainId(), main);
        var now = fixture.Time.GetUtcNow();
        var counts = (main.State ?? new CommunityState()).Cadres.Where(c => c.Value.RecentlyGiven is not null).ToDictionary(c => c.Key, c => c.Value.RecentlyGiven!.CountWithin(now));
        var chunks = (main.State ?? new CommunityState()).Chunks;
        foreach (var id in chunks)
        {
            var chunk = new GrainState<OpenCaseChunk>(new OpenCaseChunk());
            await Storage.ReadStateAsync(chunks.IsShared(id) ? Chunks : "community-cases", GrainId.Create("gongzhi-community-cases", $"{community}/{id}"), chunk);
            foreach (var (cadre, tally) in chunk.State?.Given ?? [])
            {
                counts[cadre] = counts.GetValueOrDefault(cadre) + tally.CountWithin(now);
            }
        }

        return counts.Where(c => c.Value > 0).ToDictionary();
    }

    public sealed class FairShareFixture : ClusterFixture
    {
        protected override string? DispatchPolicy => FairSharePolicy.Key;
    }
}
