using System.Diagnostics.CodeAnalysis;

namespace Gongzhi.Silo.Storage;

/// <summary>
/// A grain's state as a main row plus its items (keyed by id) in chunks of at most
/// <see cref="ChunkLayout.ChunkSize"/>, each a <see cref="StoredState{T}"/> of the grain (the chunks under synthetic
/// grain ids), so a failed write follows the grain's <see cref="WriteFailure"/> rule. A new item goes to the newest
/// chunk, a changed item rewrites only its own chunk, and writes are coalesced (<see cref="CoalescedWrites"/>).
/// </summary>
/// <remarks>
/// Chunks are written before the main row and dropped chunks cleared after it, so the main row never
/// lists a chunk whose items are not stored. Everything here runs on the grain's turns.
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
    private readonly Dictionary<string, Held> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Chunk> _chunks = [];
    private readonly HashSet<int> _dirtyChunks = [];
    private readonly HashSet<int> _droppedChunks = [];
    private readonly CoalescedWrites _writes;
    private bool _dirtyMain;
    private int _nextOrder;

    private ChunkedStore(GrainStates states, StoredState<TMain> main, string key, ChunkLayout layout, WriteFailure onFailure, Func<TItem, string> idOf)
    {
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

    /// <summary>Something changed that is not stored yet (nor on its way).</summary>
    public bool HasChanges => _dirtyMain || _dirtyChunks.Count > 0 || _droppedChunks.Count > 0;

    /// <summary>Writes done so far (main row, chunks, clears), for the logs and the bench.</summary>
    public long Writes { get; private set; }

    /// <summary>Reads the current grain's main row and its chunks.</summary>
    /// <param name="key">Names the chunks' synthetic grain ids (<c>{key}/{chunk}</c>); unique among grains of the same layout.</param>
    public static async Task<ChunkedStore<TMain, TItem, TChunk>> LoadAsync(
        GrainStates states, string key, ChunkLayout layout, Func<TItem, string> idOf, WriteFailure onFailure = WriteFailure.Reload)
    {
        var main = states.For<TMain>(layout.MainStateName, onFailure);
        await main.ReadAsync();
        var store = new ChunkedStore<TMain, TItem, TChunk>(states, main, key, layout, onFailure, idOf);
        var chunks = await Task.WhenAll(store.Main.Chunks.Select(async id =>
        {
            var row = store.ChunkRow(id);
            await row.ReadAsync();
            return (Id: id, Row: row);
        }));
        foreach (var (id, row) in chunks)
        {
            var chunk = new Chunk(row);
            store._chunks[id] = chunk;
            foreach (var item in row.State.Cases)
            {
                var itemId = idOf(item);
                if (store._entries.TryAdd(itemId, new Held(item, id, store._nextOrder++)))
                {
                    chunk.Ids.Add(itemId);
                }
            }

            // The items live in the entries; the row keeps its ETag only.
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

    /// <summary>Takes an item off; a chunk left empty (not the newest) is dropped.</summary>
    public bool Remove(string id)
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
        var row = _chunks[id].Row;
        // A copy of the list, taken now: later turns may change the chunk while this write is on its way.
        row.State = new TChunk { Cases = _chunks[id].Ids.Select(i => _entries[i].Item).ToList() };
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
        Main.Chunks.Add(id);
        _chunks[id] = new Chunk(ChunkRow(id));
        _dirtyMain = true;
        return id;
    }

    private StoredState<TChunk> ChunkRow(int id) =>
        _states.ForChunk<TChunk>(_main.Grain, _layout.ChunkStateName, GrainId.Create(_layout.ChunkGrainType, $"{_key}/{id}"), _onFailure);

    // A struct, kept inline in the dictionary's entries: one object less per item. Order counts the items this
    // activation took in (an int: 16 bytes a struct where a long makes it 24, held once per item).
    private readonly record struct Held(TItem Item, int Chunk, int Order);

    private sealed class Chunk(StoredState<TChunk> row)
    {
        public List<string> Ids { get; } = [];

        public StoredState<TChunk> Row { get; } = row;
    }
}
