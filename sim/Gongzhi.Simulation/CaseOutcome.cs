using Gongzhi.Cases;

namespace Gongzhi.Simulation;

/// <summary>Where a case stands at the end of the run, each case in exactly one: the report's accounting.</summary>
public enum CaseOutcome
{
    /// <summary>No case grain answered for it: lost.</summary>
    Missing,

    /// <summary>Resolved or closed, at any level.</summary>
    Resolved,

    /// <summary>Unresolved above the community (sub-district, department, leader).</summary>
    Escalated,

    /// <summary>Unresolved at the community, held by a cadre (offered or acknowledged).</summary>
    Assigned,

    /// <summary>Unresolved at the community, waiting for a cadre.</summary>
    Waiting,
}

public static class CaseOutcomes
{
    public static CaseOutcome Of(CaseSnapshot? s) => s switch
    {
        null => CaseOutcome.Missing,
        { Status: CaseStatus.Resolved or CaseStatus.Closed } => CaseOutcome.Resolved,
        { Level: not CaseLevel.Community } => CaseOutcome.Escalated,
        { AssigneeId: not null } => CaseOutcome.Assigned,
        _ => CaseOutcome.Waiting,
    };
}
