using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Gongzhi.Silo.Storage;

/// <summary>
/// Makes the <see cref="StoredState{T}"/> through which every grain reads and writes its state, in the provider
/// <see cref="StorageNames.Gongzhi"/>. A grain asks for its rows in its constructor (the activation being created
/// comes through the accessor) or while it runs.
/// </summary>
internal sealed class GrainStates(
    [FromKeyedServices(StorageNames.Gongzhi)] IGrainStorage storage,
    IGrainContextAccessor grainContextAccessor,
    ILogger<GrainStates> logger)
{
    private readonly ConcurrentDictionary<(string, WriteFailure), StateRow> _rows = new();

    /// <summary>The current grain's row named <paramref name="stateName"/> (its row key, so the name of a stored state never changes).</summary>
    public StoredState<T> For<T>(string stateName, WriteFailure onFailure = WriteFailure.Reload)
        where T : class, new() =>
        new(grainContextAccessor.GrainContext, Row(stateName, onFailure));

    /// <summary>A row of <paramref name="grain"/>'s state under the synthetic id <paramref name="rowId"/>.</summary>
    public StoredState<T> ForChunk<T>(IGrainContext grain, string stateName, GrainId rowId, WriteFailure onFailure)
        where T : class, new() =>
        new StoredChunk<T>(grain, Row(stateName, onFailure), rowId);

    /// <summary>Where rows named <paramref name="stateName"/> are kept, shared by every grain (<see cref="StoredState{T}.KeepIn"/>).</summary>
    public StateRow Row(string stateName, WriteFailure onFailure = WriteFailure.Reload) =>
        _rows.GetOrAdd((stateName, onFailure), key => new StateRow(storage, key.Item1, key.Item2, logger));
}
