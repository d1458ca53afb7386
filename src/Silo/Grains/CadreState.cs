using Gongzhi.Communities;

namespace Gongzhi.Silo.Grains;

/// <summary>The persisted state of a cadre grain. (Rows written before duty and load moved to the community may still carry those; they are ignored.)</summary>
public sealed class CadreState
{
    public string? CommunityId { get; set; }

    public CadreProfile? Profile { get; set; }
}
