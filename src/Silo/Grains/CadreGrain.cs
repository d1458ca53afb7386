using Gongzhi.Cadres;
using Gongzhi.Communities;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>A cadre: who they are and which community they serve, written when the seeds change them, never per case.</summary>
internal sealed class CadreGrain(
    [PersistentState("cadre", StorageNames.Gongzhi)] IPersistentState<CadreState> state) : Grain, ICadreGrain
{
    private CadreState State => state.State;

    public async Task ConfigureAsync(string communityId, CadreProfile profile)
    {
        if (State.CommunityId == communityId && State.Profile == profile)
        {
            return;
        }

        State.CommunityId = communityId;
        State.Profile = profile;
        await state.WriteStateAsync();
    }

    public Task<string?> GetCommunityIdAsync() => Task.FromResult(State.CommunityId);
}
