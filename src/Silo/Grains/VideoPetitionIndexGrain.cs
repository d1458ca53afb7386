using Gongzhi.Silo.Storage;
using Gongzhi.VideoPetitions;

namespace Gongzhi.Silo.Grains;

/// <summary>The open video petitions addressed to one community, sub-district, department or county leader.</summary>
internal sealed class VideoPetitionIndexGrain(
    [PersistentState("videoPetitions", StorageNames.Gongzhi)] IPersistentState<VideoPetitionIndexState> state) : Grain, IVideoPetitionIndexGrain
{
    public async Task AddAsync(string petitionId)
    {
        if (!state.State.Petitions.Contains(petitionId))
        {
            state.State.Petitions.Add(petitionId);
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(string petitionId)
    {
        if (state.State.Petitions.Remove(petitionId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetAsync() => Task.FromResult<IReadOnlyList<string>>(state.State.Petitions.ToArray());
}
