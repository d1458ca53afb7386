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

    private static readonly ChunkLayout Layout = new("community", "community-cases", "gongzhi-community-cases", ChunkSize, SharedChunks: true);

    private readonly ChunkedStore<CommunityState, OpenCase, OpenCaseChunk> _rows;

    // Kept as cases come and go, so that the backlog gauge reads a number and never walks the open cases.
    private readonly CommunityBacklog.Entry _backlog;

    // The open cases by category and compound, the only ones duplicate matching compares a new case with: a
    // surge brings hundreds of open cases to a community, and walking them all for each new one cost the silo
    // more than the dispatch itself (docs/benchmarks/README.md, issue 16).
    private readonly Dictionary<(string Category, string Compound), Dictionary<string, OpenCaseEntry>> _byPlace = [];

    // Each cadre's week of cases given, summed over the main row and the live chunks, so a dispatch walks no chunk (D16-fair-share).
    private readonly Dictionary<string, AssignmentTally> _given = new(StringComparer.Ordinal);

    private CommunityStore(ChunkedStore<CommunityState, OpenCase, OpenCaseChunk> rows, CommunityBacklog.Entry backlog)
    {
        _rows = rows;
        _backlog = backlog;
        _backlog.Waiting = _rows.Items.Count(static o => o.IsWaiting);
        foreach (var open in _rows.Items)
        {
            Index(open.Case);
        }

        foreach (var (cadreId, slot) in State.Cadres)
        {
            AddGiven(cadreId, slot.RecentlyGiven);
        }

        foreach (var chunk in _rows.ChunkData)
        {
            foreach (var (cadreId, tally) in chunk.Given ?? [])
            {
                AddGiven(cadreId, tally);
            }
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
        new(await ChunkedStore<CommunityState, OpenCase, OpenCaseChunk>.LoadAsync(states, communityId, Layout, o => o.CaseId,
            rowToWrite: OpenCaseChunk.ToWrite), backlog);

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
        var removed = _rows.Remove(caseId, KeepGivenOfDropped);
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

    /// <summary>Cases given to <paramref name="cadreId"/> in the window that holds <paramref name="now"/>: the main row's and every live chunk's.</summary>
    public int GivenWithin(string cadreId, DateTimeOffset now) => _given.TryGetValue(cadreId, out var tally) ? tally.CountWithin(now) : 0;

    /// <summary>
    /// Counts case <paramref name="caseId"/> given to <paramref name="cadreId"/> at <paramref name="at"/> in the tally of the
    /// chunk that holds the case, which the save writes anyway with the case: no write more. Only a case the community does
    /// not hold (a dispatcher's choice of a case not open here) is counted in the main row, at the cost of writing it.
    /// </summary>
    public void CountGiven(string caseId, string cadreId, DateTimeOffset at)
    {
        if (!_rows.ChangeChunkOf(caseId, chunk => TallyOf(chunk.Given ??= new(StringComparer.Ordinal), cadreId).Add(at)))
        {
            if (!State.Cadres.TryGetValue(cadreId, out var slot))
            {
                return;
            }

            (slot.RecentlyGiven ??= new()).Add(at);
            _rows.MainChanged();
        }

        TallyOf(_given, cadreId).Add(at);
    }

    // A dropped chunk's tallies go to the main row, stored in the write that stops listing the chunk (its row is cleared
    // only after that write): counted in one row or the other, never both. The sum in _given stays as it is.
    private void KeepGivenOfDropped(OpenCaseChunk dropped)
    {
        foreach (var (cadreId, tally) in dropped.Given ?? [])
        {
            if (State.Cadres.TryGetValue(cadreId, out var slot))
            {
                (slot.RecentlyGiven ??= new()).AddAll(tally);
            }
        }
    }

    private void AddGiven(string cadreId, AssignmentTally? tally)
    {
        if (tally is not null)
        {
            TallyOf(_given, cadreId).AddAll(tally);
        }
    }

    private static AssignmentTally TallyOf(Dictionary<string, AssignmentTally> tallies, string cadreId) =>
        tallies.TryGetValue(cadreId, out var tally) ? tally : tallies[cadreId] = new AssignmentTally();

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
