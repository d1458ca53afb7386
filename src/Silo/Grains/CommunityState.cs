using Gongzhi.Communities;

namespace Gongzhi.Silo.Grains;

/// <summary>The persisted state of a community grain.</summary>
public sealed class CommunityState
{
    public CommunityInfo? Info { get; set; }

    public Dictionary<string, CadreSlot> Cadres { get; set; } = [];

    public List<WaitingCase> Waiting { get; set; } = [];

    public List<string> OpenCases { get; set; } = [];
}
