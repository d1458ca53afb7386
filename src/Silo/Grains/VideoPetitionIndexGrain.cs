using Gongzhi.Silo.Storage;
using Gongzhi.VideoPetitions;

namespace Gongzhi.Silo.Grains;

/// <summary>The open video petitions addressed to one community, sub-district, department or county leader.</summary>
internal sealed class VideoPetitionIndexGrain(GrainStates states) : IdSetGrain<VideoPetitionIndexState>(states.For<VideoPetitionIndexState>("videoPetitions")), IVideoPetitionIndexGrain
{
    protected override List<string> Ids(VideoPetitionIndexState state) => state.Petitions;
}
