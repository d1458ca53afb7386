namespace Gongzhi.Cases;

/// <summary>What happened to a case; each one is an entry of its timeline.</summary>
[GenerateSerializer, Alias("gongzhi.CaseEventType")]
public enum CaseEventType
{
    Submitted = 0,
    Accepted = 1,
    Waiting = 2,
    Assigned = 3,
    Acknowledged = 4,
    Resolved = 5,
    Rated = 6,
}
