using Gongzhi.Cadres;
using Gongzhi.Communities;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>A cadre: who they are and which community they serve, written when the seeds change them, never per case.</summary>
internal sealed class CadreGrain(GrainStates states) : Grain, ICadreGrain
{
    private readonly StoredState<CadreState> _state = states.For<CadreState>("cadre");

    private CadreState State => _state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _state.ReadAsync();

    public async Task ConfigureAsync(string communityId, CadreProfile profile)
    {
        if (State.CommunityId == communityId && State.Profile == profile)
        {
            return;
        }

        State.CommunityId = communityId;
        State.Profile = profile;
        await _state.WriteAsync();
    }

    public Task<string?> GetCommunityIdAsync() => Task.FromResult(State.CommunityId);
}
