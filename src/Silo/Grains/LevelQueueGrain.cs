using Gongzhi.Ladder;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>The open cases escalated to one sub-district, department or county leader.</summary>
internal sealed class LevelQueueGrain(
    [PersistentState("level", StorageNames.Gongzhi)] IPersistentState<LevelQueueState> state) : Grain, ILevelQueueGrain
{
    public async Task AddAsync(string caseId)
    {
        if (!state.State.Cases.Contains(caseId))
        {
            state.State.Cases.Add(caseId);
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(string caseId)
    {
        if (state.State.Cases.Remove(caseId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetAsync() => Task.FromResult<IReadOnlyList<string>>(state.State.Cases.ToArray());
}
