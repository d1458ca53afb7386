using Gongzhi.Communities;
using Gongzhi.Domain;

namespace Gongzhi.Silo.Grains;

/// <summary>
/// A community's early-warning row of warnings (D16-surge-rows): the surges under way, the warnings raised and the
/// number the next takes, and those stored but not yet pushed. Written before each warning is pushed; small, and kept
/// in the shared partitions, so the warnings of many communities go in one request. The watch's counts
/// (<see cref="CommunitySurgeState"/>) are written behind.
/// </summary>
public sealed class CommunityWarningsState
{
    public Dictionary<string, SurgeEpisode> Episodes { get; set; } = new(StringComparer.Ordinal);

    public List<SurgeAlert> Alerts { get; set; } = [];

    public long NextAlert { get; set; } = 1;

    public List<string> Unpushed { get; set; } = [];
}
