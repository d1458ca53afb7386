namespace Gongzhi.Cases;

/// <summary>提建议 / 讲诉求 / 找服务: what the resident brings.</summary>
[GenerateSerializer, Alias("gongzhi.CaseKind")]
public enum CaseKind
{
    Suggestion = 0,
    Grievance = 1,
    Service = 2,
}
