using Gongzhi.Communities;

namespace Gongzhi.Silo.Grains;

/// <summary>The persisted state of the community directory: each community's place, by id.</summary>
public sealed class CommunityDirectoryState
{
    public Dictionary<string, CommunityPlace> Communities { get; set; } = [];
}
