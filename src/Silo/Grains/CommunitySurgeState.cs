using Gongzhi.Domain;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// A community's early-warning row: what the surge watch remembers (counts per place, the cases of the open
/// windows, the warnings) and the warnings stored but not yet pushed, which a later activation pushes again.
/// </summary>
public sealed class CommunitySurgeState
{
    public SurgeWatchState Watch { get; set; } = new();

    public List<string> Unpushed { get; set; } = [];
}
