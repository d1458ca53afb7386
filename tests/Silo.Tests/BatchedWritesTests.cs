using Azure.Data.Tables;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Storage;
using Gongzhi.Storage;
using Gongzhi.Testing;
using Orleans.Storage;

namespace Gongzhi.Silo.Tests;

/// <summary>
/// Writes of a shared state (<see cref="StorageNames.Shared"/>) against a real (emulated) table: new rows and replacements
/// stored many in one request, each with an ETag that later writes use, and a row refused (its key taken, or changed
/// since it was read) alone while the others in its batch are stored.
/// </summary>
public sealed class BatchedWritesTests : IAsyncLifetime
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
    public async Task Many_new_rows_and_many_replacements_are_stored_in_few_requests_and_each_keeps_an_etag_its_next_write_uses()
    {
        var states = Enumerable.Range(0, 200).Select(i => (Id: GrainId.Create("case", $"many-{i}"), State: new GrainState<Notes>(new Notes { Lines = [$"row {i}"] }))).ToArray();
        var before = Requests(":POST");

        await Task.WhenAll(states.Select(s => _storage.WriteStateAsync(Shared, s.Id, s.State)));

        Assert.True(Requests(":POST") - before <= states.Length / 4, $"{Requests(":POST") - before} requests stored {states.Length} rows");
        foreach (var (_, state) in states)
        {
            state.State!.Lines.Add("changed");
        }

        before = Requests(":POST") + Requests(":PUT");
        await Task.WhenAll(states.Select(s => _storage.WriteStateAsync(Shared, s.Id, s.State)));

        var replacements = Requests(":POST") + Requests(":PUT") - before;
        Assert.True(replacements <= states.Length / 4, $"{replacements} requests replaced {states.Length} rows");
        foreach (var (id, state) in states)
        {
            state.State!.Lines.Add("changed again");
            await _storage.WriteStateAsync(Shared, id, state);
            var read = new GrainState<Notes>(new Notes());
            await _storage.ReadStateAsync(Shared, id, read);
            Assert.Equal(state.State.Lines, read.State!.Lines);
            Assert.Equal(state.ETag, read.ETag);
        }
    }

    [Fact]
    public async Task A_replacement_of_a_row_changed_since_it_was_read_is_refused_alone_and_the_rows_batched_with_it_are_stored()
    {
        var stale = GrainId.Create("case", "stale");
        var ids = PartitionMates(stale, "peer");
        ids.Insert(15, stale);
        var states = ids.ToDictionary(id => id, id => new GrainState<Notes>(new Notes { Lines = ["first"] }));
        await Task.WhenAll(ids.Select(id => _storage.WriteStateAsync(Shared, id, states[id])));
        // Another activation changed the row since: the ETag held here is stale.
        var other = new GrainState<Notes>(new Notes());
        await _storage.ReadStateAsync(Shared, stale, other);
        other.State!.Lines.Add("by the other");
        await _storage.WriteStateAsync(Shared, stale, other);
        foreach (var state in states.Values)
        {
            state.State!.Lines.Add("second");
        }

        var writes = ids.Select(id => (Id: id, Write: _storage.WriteStateAsync(Shared, id, states[id]))).ToArray();

        await Assert.ThrowsAsync<InconsistentStateException>(() => writes.Single(w => w.Id == stale).Write);
        await Task.WhenAll(writes.Where(w => w.Id != stale).Select(w => w.Write));
        Assert.Equal(["first", "by the other"], (await ReadAsync(stale)).Lines);
        foreach (var id in ids.Where(id => id != stale))
        {
            Assert.Equal(["first", "second"], (await ReadAsync(id)).Lines);
        }
    }

    [Fact]
    public async Task A_new_row_whose_key_is_taken_is_refused_alone_and_the_rows_batched_with_it_are_stored()
    {
        // Rows of one partition, so that they share transactions; the taken one sits among them.
        var taken = GrainId.Create("case", "taken");
        var ids = PartitionMates(taken, "mate");
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

    [Fact]
    public async Task A_request_for_one_row_is_counted_under_the_rows_state_so_the_bench_can_tell_whose_writes_a_case_costs()
    {
        var state = new GrainState<Notes>(new Notes { Lines = ["counted"] });
        var own = GrainId.Create("case", "counted/own");

        await _storage.WriteStateAsync("case", own, state);
        await _storage.WriteStateAsync("case", own, state);
        await _storage.ReadStateAsync("case", own, state);

        var counts = _requests.Snapshot();
        Assert.Equal(1, counts.GetValueOrDefault("table:batchedinserts/case:PUT"));
        Assert.Equal(1, counts.GetValueOrDefault("table:batchedinserts/case:GET"));
    }

    [Fact]
    public async Task Each_row_a_transaction_carries_is_counted_by_state_and_kind_so_the_bench_counts_rows_and_not_only_requests()
    {
        var ids = PartitionMates(GrainId.Create("case", "rows"), "rows");
        var states = ids.ToDictionary(id => id, _ => new GrainState<Notes>(new Notes { Lines = ["new"] }));
        var before = _requests.Snapshot();

        await Task.WhenAll(ids.Select(id => _storage.WriteStateAsync(Shared, id, states[id])));
        foreach (var state in states.Values)
        {
            state.State!.Lines.Add("replaced");
        }

        await Task.WhenAll(ids.Select(id => _storage.WriteStateAsync(Shared, id, states[id])));

        var counted = _requests.Snapshot().ToDictionary(c => c.Key, c => c.Value - before.GetValueOrDefault(c.Key));
        Assert.True(counted.GetValueOrDefault("table:$batch:POST") > 0, "no row went in a transaction");
        // Each row once: among its transaction's rows, or as a request of its own.
        Assert.Equal(ids.Count, counted.GetValueOrDefault("rows:batchedinserts/case~shared:insert") + counted.GetValueOrDefault("table:batchedinserts:POST"));
        Assert.Equal(ids.Count, counted.GetValueOrDefault("rows:batchedinserts/case~shared:replace") + counted.GetValueOrDefault("table:batchedinserts/case~shared:PUT"));
    }

    [Fact]
    public async Task Each_row_is_counted_with_the_bytes_of_its_state_and_each_request_with_its_body_so_the_bench_sees_large_rows()
    {
        var ids = PartitionMates(GrainId.Create("case", "bytes"), "bytes");
        var state = new Notes { Lines = [new string('x', 3000)] };
        var base64 = (SiloExtensions.CreateStateSerializer().Serialize(state).ToMemory().Length + 2) / 3 * 4;
        var before = _requests.Snapshot();

        await Task.WhenAll(ids.Select(id => _storage.WriteStateAsync(Shared, id, new GrainState<Notes>(state))));

        var counted = _requests.Snapshot().ToDictionary(c => c.Key, c => c.Value - before.GetValueOrDefault(c.Key));
        var inTransactions = counted.GetValueOrDefault("rows:batchedinserts/case~shared:insert");
        var alone = counted.GetValueOrDefault("table:batchedinserts:POST");
        Assert.True(inTransactions > 0, "no row went in a transaction");
        Assert.Equal(inTransactions * base64, counted.GetValueOrDefault("rowbytes:batchedinserts/case~shared:insert"));
        // A body carries its rows' states and more: keys, headers, and for a transaction its parts' boundaries.
        Assert.InRange(counted.GetValueOrDefault("bytes:table:$batch:POST"), (inTransactions * base64) + 1, inTransactions * (base64 + 1024));
        Assert.InRange(counted.GetValueOrDefault("bytes:table:batchedinserts:POST"), (alone * base64) + alone, alone * (base64 + 1024));
    }

    // 30 case rows kept in the same shared partition as the given row, so that they share transactions with it.
    private static List<GrainId> PartitionMates(GrainId row, string prefix)
    {
        var partition = GrainTableStorage.Keys(Shared, row).Partition;
        return Enumerable.Range(0, 1000).Select(i => GrainId.Create("case", $"{prefix}-{i}"))
            .Where(id => GrainTableStorage.Keys(Shared, id).Partition == partition).Take(30).ToList();
    }

    private async Task<Notes> ReadAsync(GrainId id)
    {
        var read = new GrainState<Notes>(new Notes());
        await _storage.ReadStateAsync(Shared, id, read);
        Assert.True(read.RecordExists);
        return read.State!;
    }

    private long Requests(string method) => _requests.Snapshot().Where(r => r.Key.StartsWith("table:", StringComparison.Ordinal) && r.Key.EndsWith(method, StringComparison.Ordinal)).Sum(r => r.Value);

    private long Batches() => _requests.Snapshot().GetValueOrDefault("table:$batch:POST");
}
