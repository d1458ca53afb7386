using System.Diagnostics.CodeAnalysis;
using Orleans.Storage;

namespace Gongzhi.Silo.Storage;

/// <summary>A main row that lists the chunks holding a grain's items (see <see cref="ChunkedStore{TMain, TItem, TChunk}"/>).</summary>
internal interface IChunkedMain
{
    /// <summary>The chunks, oldest first; new items go to the last.</summary>
    List<int> Chunks { get; set; }

    int NextChunk { get; set; }
}

/// <summary>One stored chunk of items, in the order they came in.</summary>
internal interface IChunkRow<TItem>
{
    List<TItem> Cases { get; set; }
}

/// <summary>Where a chunked store keeps its rows: the main row's state name, the chunks' state name and synthetic grain type, and how many items a chunk holds.</summary>
internal sealed record ChunkLayout(string MainStateName, string ChunkStateName, string ChunkGrainType, int ChunkSize);

/// <summary>
/// A grain's state as a main row plus its items (keyed by id) in chunks of at most
/// <see cref="ChunkLayout.ChunkSize"/>, written through <see cref="IGrainStorage"/> with synthetic grain ids.
/// A new item goes to the newest chunk, a changed item rewrites only its own chunk, and writes are
/// coalesced: <see cref="SaveAsync"/> answers once everything changed before the call is stored, and calls
/// arriving while a write is under way share the next one.
/// </summary>
/// <remarks>
/// Chunks are written before the main row and dropped chunks cleared after it, so the main row never
/// lists a chunk whose items are not stored. Everything here runs on the grain's turns.
/// </remarks>
internal sealed class ChunkedStore<TMain, TItem, TChunk>
    where TMain : class, IChunkedMain, new()
    where TChunk : class, IChunkRow<TItem>, new()
{
    private readonly IGrainStorage _storage;
    private readonly GrainId _mainId;
    private readonly string _key;
    private readonly ChunkLayout _layout;
    private readonly Func<TItem, string> _idOf;
    private readonly Dictionary<string, Held> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Chunk> _chunks = [];
    private readonly HashSet<int> _dirtyChunks = [];
    private readonly HashSet<int> _droppedChunks = [];
    private bool _dirtyMain;
    private int _nextOrder;
    private string? _mainETag;
    private bool _mainExists;
    private Action<Exception>? _writeFailed;
    private TaskCompletionSource? _nextRound;
    private Task _rounds = Task.CompletedTask;

    private ChunkedStore(IGrainStorage storage, GrainId mainId, string key, ChunkLayout layout, Func<TItem, string> idOf, TMain main)
    {
        _storage = storage;
        _mainId = mainId;
        _key = key;
        _layout = layout;
        _idOf = idOf;
        Main = main;
    }

    public TMain Main { get; }

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

    /// <param name="key">Names the chunks' synthetic grain ids (<c>{key}/{chunk}</c>); unique among grains of the same layout.</param>
    /// <param name="writeFailed">Called when a write fails, before the callers waiting on it hear of it (the grain may deactivate to reload).</param>
    public static async Task<ChunkedStore<TMain, TItem, TChunk>> LoadAsync(
        IGrainStorage storage, GrainId mainId, string key, ChunkLayout layout, Func<TItem, string> idOf, Action<Exception>? writeFailed = null)
    {
        var main = new GrainState<TMain>(new TMain());
        await storage.ReadStateAsync(layout.MainStateName, mainId, main);
        var store = new ChunkedStore<TMain, TItem, TChunk>(storage, mainId, key, layout, idOf, main.State ?? new TMain())
        {
            _mainETag = main.ETag,
            _mainExists = main.RecordExists,
            _writeFailed = writeFailed,
        };

        var chunks = await Task.WhenAll(store.Main.Chunks.Select(async id =>
        {
            var chunk = new GrainState<TChunk>(new TChunk());
            await storage.ReadStateAsync(layout.ChunkStateName, store.ChunkGrainId(id), chunk);
            return (Id: id, State: chunk);
        }));
        foreach (var (id, state) in chunks)
        {
            var chunk = new Chunk { ETag = state.ETag, Exists = state.RecordExists };
            store._chunks[id] = chunk;
            foreach (var item in state.State?.Cases ?? [])
            {
                var itemId = idOf(item);
                if (store._entries.TryAdd(itemId, new Held(item, id, store._nextOrder++)))
                {
                    chunk.Ids.Add(itemId);
                }
            }
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
    public Task SaveAsync()
    {
        _nextRound ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = _nextRound.Task;
        if (_rounds.IsCompleted)
        {
            _rounds = RunRoundsAsync();
        }

        return done;
    }

    private async Task RunRoundsAsync()
    {
        while (_nextRound is { } round)
        {
            _nextRound = null;
            try
            {
                await WriteDirtyAsync();
                round.SetResult();
            }
            catch (Exception ex)
            {
                _writeFailed?.Invoke(ex);
                round.SetException(ex);
            }
        }
    }

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
                var state = new GrainState<TMain>(Main, _mainETag) { RecordExists = _mainExists };
                await _storage.WriteStateAsync(_layout.MainStateName, _mainId, state);
                (_mainETag, _mainExists) = (state.ETag, true);
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
            try
            {
                await _storage.ClearStateAsync(_layout.ChunkStateName, ChunkGrainId(id), new GrainState<TChunk>(new TChunk()) { ETag = null });
                Writes++;
            }
            catch (Exception)
            {
                // A leftover chunk that no main row lists harms nothing.
            }
        }
    }

    private async Task WriteChunkAsync(int id)
    {
        var chunk = _chunks[id];
        // A copy of the list, taken now: later turns may change the chunk while this write is on its way.
        var state = new GrainState<TChunk>(new TChunk { Cases = chunk.Ids.Select(i => _entries[i].Item).ToList() }, chunk.ETag)
        {
            RecordExists = chunk.Exists,
        };
        try
        {
            await _storage.WriteStateAsync(_layout.ChunkStateName, ChunkGrainId(id), state);
        }
        catch (InconsistentStateException) when (!chunk.Exists)
        {
            // A chunk this store is adding already has a row: an orphan, written before a crash kept the main row from
            // listing it. No main row names it, so nothing reads it; take its ETag and write over it.
            var orphan = new GrainState<TChunk>(new TChunk());
            await _storage.ReadStateAsync(_layout.ChunkStateName, ChunkGrainId(id), orphan);
            state.ETag = orphan.ETag;
            state.RecordExists = orphan.RecordExists;
            await _storage.WriteStateAsync(_layout.ChunkStateName, ChunkGrainId(id), state);
        }

        (chunk.ETag, chunk.Exists) = (state.ETag, true);
        Writes++;
    }

    private int CurrentChunk()
    {
        if (Main.Chunks.Count > 0 && _chunks[Main.Chunks[^1]].Ids.Count < _layout.ChunkSize)
        {
            return Main.Chunks[^1];
        }

        var id = Main.NextChunk++;
        Main.Chunks.Add(id);
        _chunks[id] = new Chunk();
        _dirtyMain = true;
        return id;
    }

    private GrainId ChunkGrainId(int id) => GrainId.Create(_layout.ChunkGrainType, $"{_key}/{id}");

    // A struct, kept inline in the dictionary's entries: one object less per item. Order counts the items this
    // activation took in (an int: 16 bytes a struct where a long makes it 24, held once per item).
    private readonly record struct Held(TItem Item, int Chunk, int Order);

    private sealed class Chunk
    {
        public List<string> Ids { get; } = [];

        public string? ETag { get; set; }

        public bool Exists { get; set; }
    }
}
