using Gongzhi.Communities;

namespace Gongzhi.Silo.Grains;

/// <summary>The persisted state of a cadre grain.</summary>
public sealed class CadreState
{
    public string? CommunityId { get; set; }

    public CadreProfile? Profile { get; set; }

    public bool OnDuty { get; set; }

    public List<string> Assignments { get; set; } = [];
}
