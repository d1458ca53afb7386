namespace Gongzhi.Cases;

/// <summary>The rung of the ladder a case is handled at: 社区 → 街道 → 县部门 → 县领导.</summary>
[GenerateSerializer, Alias("gongzhi.CaseLevel")]
public enum CaseLevel
{
    Community = 0,
    Subdistrict = 1,
    Department = 2,
    Leader = 3,
}
