using System.Diagnostics.CodeAnalysis;

namespace Gongzhi.Silo.Storage;

/// <summary>
/// A grain's state as a main row plus its items (keyed by id) in chunks of at most
/// <see cref="ChunkLayout.ChunkSize"/>, each a <see cref="StoredState{T}"/> of the grain (the chunks under synthetic
/// grain ids), so a failed write follows the grain's <see cref="WriteFailure"/> rule. A new item goes to the newest
/// chunk, a changed item rewrites only its own chunk, and writes are coalesced (<see cref="CoalescedWrites"/>).
/// Each chunk may also store something about itself beside its items (the chunk's data: a <typeparamref name="TChunk"/>
/// kept without its items, <see cref="ChangeChunkOf"/>), written with the items and handed to the grain when the chunk
/// is dropped (<see cref="Remove"/>), in the turn that stops listing it.
/// </summary>
/// <remarks>
/// Chunks are written before the main row and dropped chunks cleared after it, so the main row never
/// lists a chunk whose items are not stored. A layout with shared chunks keeps the chunks it adds in shared partitions,
/// where the writes of many grains go in one request (<see cref="ChunkList.SharedFrom"/> says which chunks are there).
/// Everything here runs on the grain's turns.
/// </remarks>
internal sealed class ChunkedStore<TMain, TItem, TChunk>
    where TMain : class, IChunkedMain, new()
    where TChunk : class, IChunkRow<TItem>, new()
{
    private readonly GrainStates _states;
    private readonly StoredState<TMain> _main;
    private readonly string _key;
    private readonly ChunkLayout _layout;
    private readonly WriteFailure _onFailure;
    private readonly Func<TItem, string> _idOf;
    private readonly Func<TChunk, List<TItem>, TChunk> _rowToWrite;
    private readonly Dictionary<string, Held> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Chunk> _chunks = [];
    private readonly HashSet<int> _dirtyChunks = [];
    private readonly HashSet<int> _droppedChunks = [];
    private readonly CoalescedWrites _writes;
    private bool _dirtyMain;
    private int _nextOrder;

    private ChunkedStore(GrainStates states, StoredState<TMain> main, string key, ChunkLayout layout, WriteFailure onFailure, Func<TItem, string> idOf,
        Func<TChunk, List<TItem>, TChunk>? rowToWrite)
    {
        _rowToWrite = rowToWrite ?? (static (_, items) => new TChunk { Cases = items });
        _states = states;
        _main = main;
        _key = key;
        _layout = layout;
        _onFailure = onFailure;
        _idOf = idOf;
        _writes = new CoalescedWrites(WriteDirtyAsync);
    }

    public TMain Main => _main.State;

    /// <summary>The items in the order they came in.</summary>
    public IEnumerable<TItem> InOrder => InOrderWhere(static _ => true);

    /// <summary>The items that <paramref name="keep"/> selects, in the order they came in (filtered before sorting).</summary>
    public IEnumerable<TItem> InOrderWhere(Func<TItem, bool> keep) =>
        _entries.Values.Where(h => keep(h.Item)).OrderBy(h => h.Order).Select(h => h.Item);

    /// <summary>The items in no particular order.</summary>
    public IEnumerable<TItem> Items => _entries.Values.Select(h => h.Item);

    public int Count => _entries.Count;

    /// <summary>Each listed chunk's data (its row without the items).</summary>
    public IEnumerable<TChunk> ChunkData => _chunks.Values.Select(c => c.Data);

    /// <summary>Something changed that is not stored yet (nor on its way).</summary>
    public bool HasChanges => _dirtyMain || _dirtyChunks.Count > 0 || _droppedChunks.Count > 0;

    /// <summary>Writes done so far (main row, chunks, clears), for the logs and the bench.</summary>
    public long Writes { get; private set; }

    /// <summary>Reads the current grain's main row and its chunks.</summary>
    /// <param name="key">Names the chunks' synthetic grain ids (<c>{key}/{chunk}</c>); unique among grains of the same layout.</param>
    /// <param name="rowToWrite">
    /// The row to store for a chunk's data and a copy of its items, taken when the write starts (later turns may change the
    /// data while it is on its way, so it copies what it takes); by default the items alone.
    /// </param>
    public static async Task<ChunkedStore<TMain, TItem, TChunk>> LoadAsync(
        GrainStates states, string key, ChunkLayout layout, Func<TItem, string> idOf, WriteFailure onFailure = WriteFailure.Reload,
        Func<TChunk, List<TItem>, TChunk>? rowToWrite = null)
    {
        var main = states.For<TMain>(layout.MainStateName, onFailure);
        await main.ReadAsync();
        var store = new ChunkedStore<TMain, TItem, TChunk>(states, main, key, layout, onFailure, idOf, rowToWrite);
        var chunks = await Task.WhenAll(store.Main.Chunks.Select(async id =>
        {
            var row = store.ChunkRow(id);
            await row.ReadAsync();
            return (Id: id, Row: row);
        }));
        foreach (var (id, row) in chunks)
        {
            var chunk = new Chunk(row, row.State);
            store._chunks[id] = chunk;
            foreach (var item in row.State.Cases)
            {
                var itemId = idOf(item);
                if (store._entries.TryAdd(itemId, new Held(item, id, store._nextOrder++)))
                {
                    chunk.Ids.Add(itemId);
                }
            }

            // The items live in the entries, the rest in the chunk's data; the row keeps its ETag only.
            chunk.Data.Cases = [];
            row.State = null;
        }

        return store;
    }

    public bool TryGet(string id, [MaybeNullWhen(false)] out TItem item)
    {
        if (_entries.TryGetValue(id, out var held))
        {
            item = held.Item;
            return true;
        }

        item = default;
        return false;
    }

    /// <summary>Adds an item (to the newest chunk) or replaces what is known of it.</summary>
    public void Put(TItem item)
    {
        var itemId = _idOf(item);
        if (_entries.TryGetValue(itemId, out var held))
        {
            _entries[itemId] = held with { Item = item };
            _dirtyChunks.Add(held.Chunk);
            return;
        }

        var id = CurrentChunk();
        _entries[itemId] = new Held(item, id, _nextOrder++);
        _chunks[id].Ids.Add(itemId);
        _dirtyChunks.Add(id);
    }

    /// <summary>Changes the data of the chunk holding item <paramref name="id"/>, to be written with it; false (nothing changed) when no chunk holds it.</summary>
    public bool ChangeChunkOf(string id, Action<TChunk> change)
    {
        if (!_entries.TryGetValue(id, out var held))
        {
            return false;
        }

        change(_chunks[held.Chunk].Data);
        _dirtyChunks.Add(held.Chunk);
        return true;
    }

    /// <summary>
    /// Takes an item off; a chunk left empty (not the newest) is dropped: <paramref name="dropped"/> gets its data in this
    /// turn, and whatever it changes in the main row is stored in the write that stops listing the chunk.
    /// </summary>
    public bool Remove(string id, Action<TChunk>? dropped = null)
    {
        if (!_entries.Remove(id, out var held))
        {
            return false;
        }

        var chunk = _chunks[held.Chunk];
        chunk.Ids.Remove(id);
        _dirtyChunks.Add(held.Chunk);
        if (chunk.Ids.Count == 0 && held.Chunk != Main.Chunks[^1])
        {
            Main.Chunks.Remove(held.Chunk);
            _chunks.Remove(held.Chunk);
            _dirtyChunks.Remove(held.Chunk);
            _droppedChunks.Add(held.Chunk);
            _dirtyMain = true;
            dropped?.Invoke(chunk.Data);
        }

        return true;
    }

    /// <summary>The main row changed.</summary>
    public void MainChanged() => _dirtyMain = true;

    /// <summary>Answers once everything changed before this call is stored; fails if that write failed (the change is kept and written with the next).</summary>
    public Task SaveAsync() => _writes.SaveAsync();

    private async Task WriteDirtyAsync()
    {
        var chunks = _dirtyChunks.Where(_chunks.ContainsKey).ToArray();
        var main = _dirtyMain;
        var dropped = _droppedChunks.ToArray();
        _dirtyChunks.Clear();
        _dirtyMain = false;
        _droppedChunks.Clear();
        try
        {
            await Task.WhenAll(chunks.Select(WriteChunkAsync));
            if (main)
            {
                await _main.WriteAsync();
                Writes++;
            }
        }
        catch
        {
            // Nothing is forgotten: the next save writes these again.
            _dirtyChunks.UnionWith(chunks);
            _dirtyMain |= main;
            _droppedChunks.UnionWith(dropped);
            throw;
        }

        foreach (var id in dropped)
        {
            if (await ChunkRow(id).TryClearAsync())
            {
                Writes++;
            }
        }
    }

    private async Task WriteChunkAsync(int id)
    {
        var chunk = _chunks[id];
        var row = chunk.Row;
        // A copy of the list, taken now: later turns may change the chunk while this write is on its way.
        row.State = _rowToWrite(chunk.Data, chunk.Ids.Select(i => _entries[i].Item).ToList());
        try
        {
            // A chunk this store is adding may find an orphan row in its place (decision 40).
            await row.WriteOverOrphanAsync();
            Writes++;
        }
        finally
        {
            row.State = null;
        }
    }

    private int CurrentChunk()
    {
        if (Main.Chunks.Count > 0 && _chunks[Main.Chunks[^1]].Ids.Count < _layout.ChunkSize)
        {
            return Main.Chunks[^1];
        }

        var id = Main.NextChunk++;
        if (_layout.SharedChunks && Main.Chunks.SharedFrom is null)
        {
            // From this chunk on, in the shared partitions; the main row that says so is written after it.
            Main.Chunks.SharedFrom = id;
        }

        Main.Chunks.Add(id);
        _chunks[id] = new Chunk(ChunkRow(id), new TChunk());
        _dirtyMain = true;
        return id;
    }

    private StoredState<TChunk> ChunkRow(int id) =>
        _states.ForChunk<TChunk>(_main.Grain, Main.Chunks.IsShared(id) ? StorageNames.Shared(_layout.ChunkStateName) : _layout.ChunkStateName,
            GrainId.Create(_layout.ChunkGrainType, $"{_key}/{id}"), _onFailure);

    // A struct, kept inline in the dictionary's entries: one object less per item. Order counts the items this
    // activation took in (an int: 16 bytes a struct where a long makes it 24, held once per item).
    private readonly record struct Held(TItem Item, int Chunk, int Order);

    private sealed class Chunk(StoredState<TChunk> row, TChunk data)
    {
        public List<string> Ids { get; } = [];

        public StoredState<TChunk> Row { get; } = row;

        /// <summary>What the chunk stores beside its items (its <see cref="IChunkRow{TItem}.Cases"/> left empty).</summary>
        public TChunk Data { get; } = data;
    }
}
