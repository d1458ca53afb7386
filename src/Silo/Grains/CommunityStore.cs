using Gongzhi.Domain;
using Gongzhi.Silo.Storage;
using Gongzhi.Silo.Telemetry;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// Where a community keeps itself: a main row (description, roster, duty, the list of chunks) and its open
/// cases in chunks of at most <see cref="ChunkSize"/> (a <see cref="ChunkedStore{TMain, TItem, TChunk}"/>).
/// A dispatch rewrites one small chunk — not the whole community — and writes are coalesced:
/// <see cref="SaveAsync"/> answers once everything changed before the call is stored, and calls arriving
/// while a write is under way share the next one, so a surge of cases costs a few writes a second per
/// community however many cases it brings.
/// </summary>
internal sealed class CommunityStore
{
    public const int ChunkSize = 100;

    private static readonly ChunkLayout Layout = new("community", "community-cases", "gongzhi-community-cases", ChunkSize);

    private readonly ChunkedStore<CommunityState, OpenCase, OpenCaseChunk> _rows;

    // Kept as cases come and go, so that the backlog gauge reads a number and never walks the open cases.
    private readonly CommunityBacklog.Entry _backlog;

    // The open cases by category and compound, the only ones duplicate matching compares a new case with: a
    // surge brings hundreds of open cases to a community, and walking them all for each new one cost the silo
    // more than the dispatch itself (docs/benchmarks/README.md, issue 16).
    private readonly Dictionary<(string Category, string Compound), Dictionary<string, OpenCaseEntry>> _byPlace = [];

    private CommunityStore(ChunkedStore<CommunityState, OpenCase, OpenCaseChunk> rows, CommunityBacklog.Entry backlog)
    {
        _rows = rows;
        _backlog = backlog;
        _backlog.Waiting = _rows.Items.Count(static o => o.IsWaiting);
        foreach (var open in _rows.Items)
        {
            Index(open.Case);
        }
    }

    public CommunityState State => _rows.Main;

    /// <summary>The open cases in the order they came in.</summary>
    public IEnumerable<OpenCase> Open => _rows.InOrder;

    /// <summary>The cases waiting for a cadre, in the order they came in.</summary>
    public IEnumerable<OpenCase> Waiting => _rows.InOrderWhere(static o => o.IsWaiting);

    /// <summary>The open cases in no particular order.</summary>
    public IEnumerable<OpenCase> Unordered => _rows.Items;

    /// <summary>The open cases of <paramref name="category"/> in <paramref name="compound"/>, in no particular order: what duplicate matching compares a new case with.</summary>
    public IEnumerable<OpenCaseEntry> OpenEntriesAt(string category, string compound) =>
        _byPlace.TryGetValue((category, compound), out var open) ? open.Values : [];

    public int Count => _rows.Count;

    /// <summary>Writes done so far by this activation (main row, chunks, clears), for the logs and the bench.</summary>
    public long Writes => _rows.Writes;

    /// <summary>Reads the current community's rows; a write that fails (or may have been stored after all) makes it reload.</summary>
    public static async Task<CommunityStore> LoadAsync(GrainStates states, string communityId, CommunityBacklog.Entry backlog) =>
        new(await ChunkedStore<CommunityState, OpenCase, OpenCaseChunk>.LoadAsync(states, communityId, Layout, o => o.CaseId), backlog);

    public OpenCase? Find(string caseId) => _rows.TryGet(caseId, out var open) ? open : null;

    /// <summary>Adds an open case (to the newest chunk) or replaces what is known of it.</summary>
    public void Put(OpenCase open)
    {
        var wasWaiting = _rows.TryGet(open.CaseId, out var known) && known.IsWaiting;
        _rows.Put(open);
        Index(open.Case);
        _backlog.Waiting += (open.IsWaiting ? 1 : 0) - (wasWaiting ? 1 : 0);
    }

    /// <summary>Takes a closed case off; a chunk left empty (not the newest) is dropped.</summary>
    public bool Remove(string caseId)
    {
        var wasWaiting = _rows.TryGet(caseId, out var known) && known.IsWaiting;
        var removed = _rows.Remove(caseId);
        if (removed && wasWaiting)
        {
            _backlog.Waiting--;
        }

        var place = removed ? (known!.Case.Category, known.Case.Compound) : default;
        if (removed && _byPlace.TryGetValue(place, out var atPlace) && atPlace.Remove(caseId) && atPlace.Count == 0)
        {
            _byPlace.Remove(place);
        }

        return removed;
    }

    private void Index(OpenCaseEntry entry)
    {
        var place = (entry.Category, entry.Compound);
        if (!_byPlace.TryGetValue(place, out var open))
        {
            _byPlace[place] = open = new Dictionary<string, OpenCaseEntry>(StringComparer.Ordinal);
        }

        open[entry.CaseId] = entry;
    }

    /// <summary>The main row (description, roster, duty) changed.</summary>
    public void MainChanged() => _rows.MainChanged();

    /// <inheritdoc cref="ChunkedStore{TMain, TItem, TChunk}.SaveAsync"/>
    public Task SaveAsync() => _rows.SaveAsync();
}
