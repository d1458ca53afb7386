using Gongzhi.Silo.Storage;
using Gongzhi.VideoPetitions;

namespace Gongzhi.Silo.Grains;

/// <summary>The open video petitions addressed to one community, sub-district, department or county leader.</summary>
internal sealed class VideoPetitionIndexGrain(
    [PersistentState("videoPetitions", StorageNames.Gongzhi)] IPersistentState<VideoPetitionIndexState> state) : IdSetGrain<VideoPetitionIndexState>(state), IVideoPetitionIndexGrain
{
    protected override List<string> Ids(VideoPetitionIndexState state) => state.Petitions;
}
