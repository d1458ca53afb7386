namespace Gongzhi.Silo.Grains;

/// <summary>
/// A persisted, ordered set of ids (oldest first) behind a grain: a level's queue of cases, a level's index
/// of open video petitions. Writes only when the set changes.
/// </summary>
internal abstract class IdSetGrain<TState>(IPersistentState<TState> state) : Grain
    where TState : class, new()
{
    public async Task AddAsync(string id)
    {
        var ids = Ids(state.State);
        if (!ids.Contains(id))
        {
            ids.Add(id);
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(string id)
    {
        if (Ids(state.State).Remove(id))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetAsync() => Task.FromResult<IReadOnlyList<string>>(Ids(state.State).ToArray());

    /// <summary>The list in the state that holds the ids (its name is part of the stored shape).</summary>
    protected abstract List<string> Ids(TState state);
}
