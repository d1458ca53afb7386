using Azure.Data.Tables;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Storage;
using Gongzhi.Storage;
using Gongzhi.Testing;
using Orleans.Storage;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// New rows of a shared state (<see cref="StorageNames.Shared"/>) against a real (emulated) table: inserted many in one
/// request, each with an ETag that later writes use, and a row whose key is taken refused alone while the others in
/// its batch are stored.
/// </summary>
public sealed class BatchedInsertsTests : IAsyncLifetime
{
    private static readonly string Shared = StorageNames.Shared("case");

    private readonly StorageRequestCounter _requests = new();
    private AzuriteProcess _azurite = null!;
    private GrainTableStorage _storage = null!;

    public sealed class Notes
    {
        public List<string> Lines { get; set; } = [];
    }

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        var options = new TableClientOptions();
        options.AddPolicy(_requests.For("table"), Azure.Core.HttpPipelinePosition.PerCall);
        _storage = new GrainTableStorage(new TableServiceClient(_azurite.ConnectionString, options), "batchedinserts", SiloExtensions.CreateStateSerializer());
        // The table exists before the rows under test come.
        await _storage.WriteStateAsync("case", GrainId.Create("case", "first"), new GrainState<Notes>(new Notes()));
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task Many_new_rows_are_stored_in_few_requests_and_each_keeps_an_etag_its_next_write_uses()
    {
        var states = Enumerable.Range(0, 200).Select(i => (Id: GrainId.Create("case", $"many-{i}"), State: new GrainState<Notes>(new Notes { Lines = [$"row {i}"] }))).ToArray();
        var before = Inserts();

        await Task.WhenAll(states.Select(s => _storage.WriteStateAsync(Shared, s.Id, s.State)));

        Assert.True(Inserts() - before <= states.Length / 4, $"{Inserts() - before} requests stored {states.Length} rows");
        foreach (var (id, state) in states)
        {
            state.State!.Lines.Add("changed");
            await _storage.WriteStateAsync(Shared, id, state);
            var read = new GrainState<Notes>(new Notes());
            await _storage.ReadStateAsync(Shared, id, read);
            Assert.Equal(state.State.Lines, read.State!.Lines);
            Assert.Equal(state.ETag, read.ETag);
        }
    }

    [Fact]
    public async Task A_new_row_whose_key_is_taken_is_refused_alone_and_the_rows_batched_with_it_are_stored()
    {
        // Rows of one partition, so that they share transactions; the taken one sits among them.
        var partition = GrainTableStorage.Keys(Shared, GrainId.Create("case", "taken")).Partition;
        var ids = Enumerable.Range(0, 1000).Select(i => GrainId.Create("case", $"mate-{i}"))
            .Where(id => GrainTableStorage.Keys(Shared, id).Partition == partition).Take(30).ToList();
        var taken = GrainId.Create("case", "taken");
        await _storage.WriteStateAsync(Shared, taken, new GrainState<Notes>(new Notes { Lines = ["stored first"] }));
        ids.Insert(15, taken);
        var batchesBefore = Batches();

        var writes = ids.Select(id => (Id: id, Write: _storage.WriteStateAsync(Shared, id, new GrainState<Notes>(new Notes { Lines = [$"{id}"] })))).ToArray();

        await Assert.ThrowsAsync<InconsistentStateException>(() => writes.Single(w => w.Id == taken).Write);
        await Task.WhenAll(writes.Where(w => w.Id != taken).Select(w => w.Write));
        Assert.True(Batches() > batchesBefore);
        Assert.Equal(["stored first"], (await ReadAsync(taken)).Lines);
        foreach (var id in ids.Where(id => id != taken))
        {
            Assert.Equal([$"{id}"], (await ReadAsync(id)).Lines);
        }
    }

    [Fact]
    public async Task Rows_of_a_shared_state_spread_over_its_partitions_and_other_states_keep_one_partition_per_grain()
    {
        var partitions = Enumerable.Range(0, 400).Select(i => GrainTableStorage.Keys(Shared, GrainId.Create("case", $"spread-{i}")).Partition).Distinct().ToArray();

        Assert.Equal(StorageNames.SharedPartitions, partitions.Length);
        Assert.All(partitions, p => Assert.StartsWith("case~shared~", p, StringComparison.Ordinal));
        Assert.Equal("case%2Fown", GrainTableStorage.Keys("case", GrainId.Create("case", "own")).Partition);
    }

    private async Task<Notes> ReadAsync(GrainId id)
    {
        var read = new GrainState<Notes>(new Notes());
        await _storage.ReadStateAsync(Shared, id, read);
        Assert.True(read.RecordExists);
        return read.State!;
    }

    private long Inserts() => _requests.Snapshot().Where(r => r.Key.EndsWith(":POST", StringComparison.Ordinal)).Sum(r => r.Value);

    private long Batches() => _requests.Snapshot().GetValueOrDefault("table:$batch:POST");
}
