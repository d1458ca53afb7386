using Gongzhi.Ladder;
using Gongzhi.Silo.Storage;

namespace Gongzhi.Silo.Grains;

/// <summary>The open cases escalated to one sub-district, department or county leader.</summary>
internal sealed class LevelQueueGrain(GrainStates states) : IdSetGrain<LevelQueueState>(states.For<LevelQueueState>("level")), ILevelQueueGrain
{
    protected override List<string> Ids(LevelQueueState state) => state.Cases;
}
