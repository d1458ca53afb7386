using System.Diagnostics.CodeAnalysis;
using Orleans.Storage;

namespace Gongzhi.Silo.Storage;

/// <summary>What a grain does when a write of its state fails.</summary>
public enum WriteFailure
{
    /// <summary>Any failed or uncertain write (it may have been stored after all): the activation goes, and the next reads the row as storage holds it.</summary>
    Reload,

    /// <summary>Only a stale ETag reloads; after any other failure the change stays in memory and the grain writes it again (state stored behind by design: the metrics).</summary>
    ReloadOnConflict,
}

/// <summary>
/// One stored row of a grain's state: the state, its ETag, and the only way a grain reads and writes it
/// (<see cref="GrainStates"/> makes them). It keeps the rule that a grain's memory is never ahead of storage
/// (decision 38): a write that fails, or may have been stored after all, deactivates the grain, so the next call
/// reads the row as storage holds it and a moved ETag never blocks later writes.
/// </summary>
/// <remarks>
/// Not <c>[PersistentState]</c>: its bridge and the grain lifecycle it brings cost ~0.3 KB per activation, and a silo
/// holds a case grain per case in use (issue 5, S4); this holds two references and the ETag packed
/// (<see cref="PackedETag"/>, ~110 B less per case, measured in S4: D11-packing-4).
/// </remarks>
internal class StoredState<T> : IGrainState<T>
    where T : class, new()
{
    private readonly IGrainContext _grain;
    private StateRow _row;
    private PackedETag _etag;

    internal StoredState(IGrainContext grain, StateRow row)
    {
        _grain = grain;
        _row = row;
        State = new T();
    }

    [AllowNull]
    public T State { get; set; }

    public bool RecordExists { get; set; }

    public string? ETag { get => _etag.Value; set => _etag.Value = value; }

    /// <summary>Where the row is kept.</summary>
    public StateRow Row => _row;

    /// <summary>
    /// Keeps the state in <paramref name="row"/> from now on, a row not read yet (for a grain whose rows may be in one of
    /// two places: it reads one, then the other).
    /// </summary>
    public void KeepIn(StateRow row)
    {
        _row = row;
        ETag = null;
        RecordExists = false;
    }

    /// <summary>The grain whose state this is.</summary>
    public IGrainContext Grain => _grain;

    /// <summary>The grain id the row is stored under: the grain's own, or a synthetic one (<see cref="StoredChunk{T}"/>).</summary>
    protected virtual GrainId RowId => _grain.GrainId;

    /// <summary>Reads the row; a grain with none starts from a new state.</summary>
    public async Task ReadAsync()
    {
        await _row.Storage.ReadStateAsync(_row.Name, RowId, this);
        State ??= new T();
    }

    /// <summary>Stores the state; when that fails, the rule of the row says whether the grain reloads (<see cref="WriteFailure"/>).</summary>
    public async Task WriteAsync()
    {
        try
        {
            await _row.Storage.WriteStateAsync(_row.Name, RowId, this);
        }
        catch (Exception ex)
        {
            Failed(ex);
            throw;
        }
    }

    /// <summary>
    /// Stores the state as a new row, without having read one: false, with storage as it was and the grain kept, when a
    /// row is there already (the caller reads it and goes on from what is stored). Any other failure is as
    /// <see cref="WriteAsync"/>'s.
    /// </summary>
    public async Task<bool> TryWriteNewAsync()
    {
        ETag = null;
        try
        {
            await _row.Storage.WriteStateAsync(_row.Name, RowId, this);
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
        catch (Exception ex)
        {
            Failed(ex);
            throw;
        }
    }

    /// <summary>
    /// Stores a row this grain is adding, writing over one found in its place: an orphan, written before a crash kept
    /// the row that would list it from being stored. Nothing reads an unlisted row (decision 40).
    /// </summary>
    public async Task WriteOverOrphanAsync()
    {
        try
        {
            try
            {
                await _row.Storage.WriteStateAsync(_row.Name, RowId, this);
            }
            catch (InconsistentStateException) when (!RecordExists)
            {
                var orphan = new GrainState<T>(new T());
                await _row.Storage.ReadStateAsync(_row.Name, RowId, orphan);
                (ETag, RecordExists) = (orphan.ETag, orphan.RecordExists);
                await _row.Storage.WriteStateAsync(_row.Name, RowId, this);
            }
        }
        catch (Exception ex)
        {
            Failed(ex);
            throw;
        }
    }

    /// <summary>
    /// Deletes a row going away, best effort: the grain holds nothing of it, so a failure leaves a row nothing lists
    /// (written over when its id comes back, <see cref="WriteOverOrphanAsync"/>) and the grain stays.
    /// </summary>
    public async Task<bool> TryClearAsync()
    {
        try
        {
            ETag = null;
            await _row.Storage.ClearStateAsync(_row.Name, RowId, this);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>Memory holds a change that is not stored, or may not be: this activation goes, and the next reads the row.</summary>
    public void Forget(Exception? cause = null)
    {
        _row.Logger.LogWarning(cause, "{GrainId}: a change to its {State} state could not be stored; it reloads from storage", _grain.GrainId, _row.Name);
        _grain.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "A change could not be stored."));
    }

    private void Failed(Exception ex)
    {
        if (_row.OnFailure == WriteFailure.Reload || ex is InconsistentStateException)
        {
            Forget(ex);
        }
    }
}

/// <summary>A row of a grain's state stored under a synthetic grain id of its own, such as one chunk of a <see cref="ChunkedStore{TMain, TItem, TChunk}"/>.</summary>
internal sealed class StoredChunk<T>(IGrainContext grain, StateRow row, GrainId rowId) : StoredState<T>(grain, row)
    where T : class, new()
{
    protected override GrainId RowId => rowId;
}

/// <summary>Where rows of one kind are stored and what a failed write does; one instance per kind, shared by every grain.</summary>
internal sealed record StateRow(IGrainStorage Storage, string Name, WriteFailure OnFailure, ILogger Logger);
