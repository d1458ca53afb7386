using Gongzhi.Communities;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>The county's communities and where each sits, so a sub-district or county scope can be turned into its communities.</summary>
internal sealed class CommunityDirectoryGrain(GrainStates states) : Grain, ICommunityDirectoryGrain
{
    private readonly StoredState<CommunityDirectoryState> _state = states.For<CommunityDirectoryState>("directory");

    private CommunityDirectoryState State => _state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _state.ReadAsync();

    public async Task RegisterAsync(CommunityPlace place)
    {
        if (State.Communities.TryGetValue(place.Id, out var known) && known == place)
        {
            return;
        }

        State.Communities[place.Id] = place;
        await _state.WriteAsync();
    }

    public Task<IReadOnlyList<CommunityPlace>> FindAsync(string scope) =>
        Task.FromResult<IReadOnlyList<CommunityPlace>>(State.Communities.Values
            .Where(p => p.Id == scope || p.SubdistrictId == scope || p.CountyId == scope)
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToArray());

    public Task<IReadOnlyList<CommunityPlace>> ListAsync() =>
        Task.FromResult<IReadOnlyList<CommunityPlace>>(State.Communities.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray());
}
