using Azure.Data.Tables;
using Gongzhi.Silo.Extensions;
using Gongzhi.Silo.Storage;
using Gongzhi.Testing;
using Orleans.Storage;

namespace Gongzhi.Silo.Tests;

/// <summary>The grain-state provider against a real (emulated) table: big states, concurrency, clearing.</summary>
public sealed class GrainTableStorageTests : IAsyncLifetime
{
    private AzuriteProcess _azurite = null!;
    private GrainTableStorage _storage = null!;

    public sealed class Notes
    {
        public List<string> Lines { get; set; } = [];
    }

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        _storage = new GrainTableStorage(new TableServiceClient(_azurite.ConnectionString), "grainstoragetest", SiloExtensions.CreateStateSerializer());
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task A_state_larger_than_one_property_comes_back_whole()
    {
        var id = GrainId.Create("case", "big/one#1");
        var state = new GrainState<Notes>(new Notes { Lines = Enumerable.Range(0, 3000).Select(i => $"第{i}行 line {i} ........................").ToList() });
        await _storage.WriteStateAsync("case", id, state);

        var read = new GrainState<Notes>(new Notes());
        await _storage.ReadStateAsync("case", id, read);

        Assert.True(read.RecordExists);
        Assert.Equal(state.State!.Lines, read.State!.Lines);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_from_a_stale_copy_is_refused_and_changes_nothing()
    {
        var id = GrainId.Create("community", "c-1");
        var first = new GrainState<Notes>(new Notes { Lines = ["one"] });
        await _storage.WriteStateAsync("community", id, first);
        var stale = new GrainState<Notes>(new Notes { Lines = ["stale"] }, first.ETag) { RecordExists = true };
        first.State!.Lines.Add("two");
        await _storage.WriteStateAsync("community", id, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("community", id, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("community", id, new GrainState<Notes>(new Notes())));

        var read = new GrainState<Notes>(new Notes());
        await _storage.ReadStateAsync("community", id, read);
        Assert.Equal(["one", "two"], read.State!.Lines);
    }

    [Fact]
    public async Task Two_states_of_one_grain_are_kept_apart_and_a_cleared_one_is_gone()
    {
        var id = GrainId.Create("community", "c-2");
        await _storage.WriteStateAsync("a", id, new GrainState<Notes>(new Notes { Lines = ["a"] }));
        var b = new GrainState<Notes>(new Notes { Lines = ["b"] });
        await _storage.WriteStateAsync("b", id, b);

        await _storage.ClearStateAsync("b", id, b);

        var readA = new GrainState<Notes>(new Notes());
        var readB = new GrainState<Notes>(new Notes { Lines = ["left over"] });
        await _storage.ReadStateAsync("a", id, readA);
        await _storage.ReadStateAsync("b", id, readB);
        Assert.Equal(["a"], readA.State!.Lines);
        Assert.False(readB.RecordExists);
        Assert.Empty(readB.State!.Lines);
    }

    [Fact]
    public async Task A_state_keeps_the_etag_the_table_gave_and_a_stale_one_is_refused()
    {
        var id = GrainId.Create("case", "c-etag");
        var state = new GrainState<Notes>(new Notes { Lines = ["one"] });
        await _storage.WriteStateAsync("case", id, state);

        var read = new GrainState<Notes>(new Notes());
        await _storage.ReadStateAsync("case", id, read);
        Assert.NotNull(read.ETag);
        Assert.Equal(state.ETag, read.ETag);

        read.State!.Lines.Add("two");
        await _storage.WriteStateAsync("case", id, read);
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("case", id, state));
    }

    [Fact]
    public async Task The_etag_a_grain_keeps_packed_writes_again_and_a_stale_packed_one_is_refused()
    {
        var id = GrainId.Create("case", "c-packed");
        var first = new GrainState<Notes>(new Notes { Lines = ["one"] });
        await _storage.WriteStateAsync("case", id, first);
        var stale = new PackedETag { Value = first.ETag };
        Assert.True(stale.IsPacked, $"ETag {first.ETag} was not packed");

        var read = new GrainState<Notes>(new Notes());
        await _storage.ReadStateAsync("case", id, read);
        read.ETag = new PackedETag { Value = read.ETag }.Value;
        read.State!.Lines.Add("two");
        await _storage.WriteStateAsync("case", id, read);

        first.ETag = stale.Value;
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("case", id, first));
    }
}
