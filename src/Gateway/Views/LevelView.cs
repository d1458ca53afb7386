using Gongzhi.Cases;

namespace Gongzhi.Gateway.Views;

/// <summary>The rung of the ladder a staff member's scope owns: a community, a sub-district, a county department or the county (its leader).</summary>
public sealed record LevelView(CaseLevel Level, string OwnerId, string CountyId);
