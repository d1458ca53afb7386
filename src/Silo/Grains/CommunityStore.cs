using Gongzhi.Silo.Domain;
using Orleans.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// Where a community keeps itself: a main row (description, roster, duty, the list of chunks) and its open
/// cases in chunks of at most <see cref="ChunkSize"/>. A dispatch rewrites one small chunk — not the
/// whole community — and writes are coalesced: <see cref="SaveAsync"/> answers once everything changed
/// before the call is stored, and calls arriving while a write is under way share the next one, so a
/// surge of cases costs a few writes a second per community however many cases it brings.
/// </summary>
/// <remarks>
/// Chunks are written before the main row and dropped chunks cleared after it, so the main row never
/// lists a chunk whose cases are not stored. Everything here runs on the grain's turns.
/// </remarks>
internal sealed class CommunityStore
{
    public const int ChunkSize = 100;

    private const string MainStateName = "community";
    private const string ChunkStateName = "community-cases";
    private const string ChunkGrainType = "gongzhi-community-cases";

    private readonly IGrainStorage _storage;
    private readonly GrainId _mainId;
    private readonly string _communityId;
    private readonly Dictionary<string, Held> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Chunk> _chunks = [];
    private readonly HashSet<int> _dirtyChunks = [];
    private readonly HashSet<int> _droppedChunks = [];
    private bool _dirtyMain;
    private long _nextOrder;
    private string? _mainETag;
    private bool _mainExists;
    private TaskCompletionSource? _nextRound;
    private Task _rounds = Task.CompletedTask;

    private CommunityStore(IGrainStorage storage, GrainId mainId, string communityId, CommunityState state)
    {
        _storage = storage;
        _mainId = mainId;
        _communityId = communityId;
        State = state;
    }

    public CommunityState State { get; }

    /// <summary>The open cases in the order they came in.</summary>
    public IEnumerable<OpenCase> Open => _entries.Values.OrderBy(h => h.Order).Select(h => h.Entry);

    /// <summary>The open cases in no particular order, as duplicate matching reads them.</summary>
    public IEnumerable<OpenCaseEntry> OpenEntries => _entries.Values.Select(h => h.Entry.Case);

    public int Count => _entries.Count;

    /// <summary>Writes done so far by this activation (main row, chunks, clears), for the logs and the bench.</summary>
    public long Writes { get; private set; }

    public static async Task<CommunityStore> LoadAsync(IGrainStorage storage, GrainId mainId, string communityId)
    {
        var main = new GrainState<CommunityState>(new CommunityState());
        await storage.ReadStateAsync(MainStateName, mainId, main);
        var store = new CommunityStore(storage, mainId, communityId, main.State ?? new CommunityState())
        {
            _mainETag = main.ETag,
            _mainExists = main.RecordExists,
        };

        var chunks = await Task.WhenAll(store.State.Chunks.Select(async id =>
        {
            var chunk = new GrainState<OpenCaseChunk>(new OpenCaseChunk());
            await storage.ReadStateAsync(ChunkStateName, store.ChunkGrainId(id), chunk);
            return (Id: id, State: chunk);
        }));
        foreach (var (id, state) in chunks)
        {
            var chunk = new Chunk { ETag = state.ETag, Exists = state.RecordExists };
            store._chunks[id] = chunk;
            foreach (var open in state.State?.Cases ?? [])
            {
                if (store._entries.TryAdd(open.CaseId, new Held(open, id, store._nextOrder++)))
                {
                    chunk.CaseIds.Add(open.CaseId);
                }
            }
        }

        store.MoveLegacyRows();
        return store;
    }

    public OpenCase? Find(string caseId) => _entries.TryGetValue(caseId, out var held) ? held.Entry : null;

    /// <summary>Adds an open case (to the newest chunk) or replaces what is known of it.</summary>
    public void Put(OpenCase open)
    {
        if (_entries.TryGetValue(open.CaseId, out var held))
        {
            _entries[open.CaseId] = held with { Entry = open };
            _dirtyChunks.Add(held.Chunk);
            return;
        }

        var id = CurrentChunk();
        _entries[open.CaseId] = new Held(open, id, _nextOrder++);
        _chunks[id].CaseIds.Add(open.CaseId);
        _dirtyChunks.Add(id);
    }

    /// <summary>Takes a closed case off; a chunk left empty (not the newest) is dropped.</summary>
    public bool Remove(string caseId)
    {
        if (!_entries.Remove(caseId, out var held))
        {
            return false;
        }

        var chunk = _chunks[held.Chunk];
        chunk.CaseIds.Remove(caseId);
        _dirtyChunks.Add(held.Chunk);
        if (chunk.CaseIds.Count == 0 && held.Chunk != State.Chunks[^1])
        {
            State.Chunks.Remove(held.Chunk);
            _chunks.Remove(held.Chunk);
            _dirtyChunks.Remove(held.Chunk);
            _droppedChunks.Add(held.Chunk);
            _dirtyMain = true;
        }

        return true;
    }

    /// <summary>The main row (description, roster, duty) changed.</summary>
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
                var state = new GrainState<CommunityState>(State, _mainETag) { RecordExists = _mainExists };
                await _storage.WriteStateAsync(MainStateName, _mainId, state);
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
                await _storage.ClearStateAsync(ChunkStateName, ChunkGrainId(id), new GrainState<OpenCaseChunk>(new OpenCaseChunk()) { ETag = null });
                Writes++;
            }
            catch (Exception)
            {
                // A leftover empty chunk that no main row lists harms nothing.
            }
        }
    }

    private async Task WriteChunkAsync(int id)
    {
        var chunk = _chunks[id];
        // A copy of the list, taken now: later turns may change the chunk while this write is on its way.
        var state = new GrainState<OpenCaseChunk>(new OpenCaseChunk { Cases = chunk.CaseIds.Select(c => _entries[c].Entry).ToList() }, chunk.ETag)
        {
            RecordExists = chunk.Exists,
        };
        await _storage.WriteStateAsync(ChunkStateName, ChunkGrainId(id), state);
        (chunk.ETag, chunk.Exists) = (state.ETag, true);
        Writes++;
    }

    private int CurrentChunk()
    {
        if (State.Chunks.Count > 0 && _chunks[State.Chunks[^1]].CaseIds.Count < ChunkSize)
        {
            return State.Chunks[^1];
        }

        var id = State.NextChunk++;
        State.Chunks.Add(id);
        _chunks[id] = new Chunk();
        _dirtyMain = true;
        return id;
    }

    private GrainId ChunkGrainId(int id) => GrainId.Create(ChunkGrainType, $"{_communityId}/{id}");

    // Rows from before the chunks kept the open cases, the waiting list and each cadre's cases in the main row.
    private void MoveLegacyRows()
    {
        if (State.OpenCases is null && State.Waiting is null && State.Cadres.Values.All(s => s.Cases is null))
        {
            return;
        }

        var holders = State.Cadres.Values
            .SelectMany(s => (s.Cases ?? []).Select(c => (CaseId: c.Key, CadreId: s.Profile.Id, At: c.Value)))
            .GroupBy(h => h.CaseId)
            .ToDictionary(g => g.Key, g => g.First());
        var waiting = (State.Waiting ?? []).ToDictionary(w => w.CaseId);
        foreach (var entry in State.OpenCases ?? [])
        {
            Put(holders.TryGetValue(entry.CaseId, out var h) ? new OpenCase(entry, h.CadreId, h.At)
                : waiting.TryGetValue(entry.CaseId, out var w) ? new OpenCase(entry, WaitingPassedOver: w.PassedOver)
                : new OpenCase(entry));
        }

        State.OpenCases = null;
        State.Waiting = null;
        foreach (var slot in State.Cadres.Values)
        {
            slot.Cases = null;
        }

        _dirtyMain = true;
    }

    // A struct, kept inline in the dictionary's entries: one object less per open case.
    private readonly record struct Held(OpenCase Entry, int Chunk, long Order);

    private sealed class Chunk
    {
        public List<string> CaseIds { get; } = [];

        public string? ETag { get; set; }

        public bool Exists { get; set; }
    }
}
