namespace Gongzhi.Cases;

/// <summary>受理 → 派单 → 接单 → 办结 → 回访: where a case stands.</summary>
[GenerateSerializer, Alias("gongzhi.CaseStatus")]
public enum CaseStatus
{
    Submitted = 0,
    Accepted = 1,
    Assigned = 2,
    Acknowledged = 3,
    Resolved = 4,
    Closed = 5,
}
