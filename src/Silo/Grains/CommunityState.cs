using Gongzhi.Communities;
using Gongzhi.Silo.Domain;

namespace Gongzhi.Silo.Grains;

/// <summary>The persisted state of a community grain.</summary>
public sealed class CommunityState
{
    public CommunityInfo? Info { get; set; }

    public Dictionary<string, CadreSlot> Cadres { get; set; } = [];

    public List<WaitingCase> Waiting { get; set; } = [];

    /// <summary>The cases not yet closed, oldest first, with what duplicate matching needs.</summary>
    public List<OpenCaseEntry> OpenCases { get; set; } = [];
}
