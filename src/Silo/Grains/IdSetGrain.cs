using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// A persisted, ordered set of ids (oldest first) behind a grain: a level's queue of cases, a level's index
/// of open video petitions. Writes only when the set changes.
/// </summary>
internal abstract class IdSetGrain<TState>(StoredState<TState> state) : Grain
    where TState : class, new()
{
    public override Task OnActivateAsync(CancellationToken cancellationToken) => state.ReadAsync();

    public async Task AddAsync(string id)
    {
        var ids = Ids(state.State);
        if (!ids.Contains(id))
        {
            ids.Add(id);
            await state.WriteAsync();
        }
    }

    public async Task RemoveAsync(string id)
    {
        if (Ids(state.State).Remove(id))
        {
            await state.WriteAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetAsync() => Task.FromResult<IReadOnlyList<string>>(Ids(state.State).ToArray());

    /// <summary>The list in the state that holds the ids (its name is part of the stored shape).</summary>
    protected abstract List<string> Ids(TState state);
}
