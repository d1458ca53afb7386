using Gongzhi.Domain;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// A community's early-warning row: what the surge watch remembers (counts per place, the cases of the open
/// windows, the warnings) and the warnings stored but not yet pushed, which a later activation pushes again.
/// Written behind (D16-surge-rows): the warnings it holds may be older than those of
/// <see cref="CommunityWarningsState"/>, and the row whose <see cref="SurgeWatchState.NextAlert"/> is higher holds the
/// newer (a silo of the release before writes this row alone, on every warning).
/// </summary>
public sealed class CommunitySurgeState
{
    public SurgeWatchState Watch { get; set; } = new();

    public List<string> Unpushed { get; set; } = [];
}
