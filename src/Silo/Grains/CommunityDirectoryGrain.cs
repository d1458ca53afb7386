using Gongzhi.Communities;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>The county's communities and where each sits, so a sub-district or county scope can be turned into its communities.</summary>
internal sealed class CommunityDirectoryGrain(
    [PersistentState("directory", StorageNames.Gongzhi)] IPersistentState<CommunityDirectoryState> state) : Grain, ICommunityDirectoryGrain
{
    private CommunityDirectoryState State => state.State;

    public async Task RegisterAsync(CommunityPlace place)
    {
        if (State.Communities.TryGetValue(place.Id, out var known) && known == place)
        {
            return;
        }

        State.Communities[place.Id] = place;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<CommunityPlace>> FindAsync(string scope) =>
        Task.FromResult<IReadOnlyList<CommunityPlace>>(State.Communities.Values
            .Where(p => p.Id == scope || p.SubdistrictId == scope || p.CountyId == scope)
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToArray());
}
