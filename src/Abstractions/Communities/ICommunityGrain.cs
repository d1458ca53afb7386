using Gongzhi.Cases;

namespace Gongzhi.Communities;

/// <summary>A community (key: community id): its roster and duty, the dispatch policy, the open-case index behind the board.</summary>
[Alias("gongzhi.ICommunityGrain")]
public interface ICommunityGrain : IGrainWithStringKey
{
    /// <summary>Loads or refreshes the community from the seeds; duty and load already held are kept.</summary>
    [Alias("Configure")]
    Task ConfigureAsync(CommunityDefinition definition);

    /// <summary>The public description, or null for a community nobody configured.</summary>
    [Alias("GetInfo")]
    Task<CommunityInfo?> GetInfoAsync();

    /// <summary>Every cadre with duty state and load.</summary>
    [Alias("GetRoster")]
    Task<IReadOnlyList<RosterEntry>> GetRosterAsync();

    /// <summary>Ids of the cases not yet closed, oldest first.</summary>
    [Alias("GetOpenCases")]
    Task<IReadOnlyList<string>> GetOpenCasesAsync();

    /// <summary>Gives an accepted case to an on-duty cadre, or keeps it waiting when none matches.</summary>
    [Alias("Dispatch")]
    Task<DispatchDecision> DispatchAsync(string caseId, string category);

    /// <summary>The cadre has resolved the case: their load drops.</summary>
    [Alias("CaseResolved")]
    Task CaseResolvedAsync(string caseId, string cadreId);

    /// <summary>The case is closed: it leaves the board.</summary>
    [Alias("CaseClosed")]
    Task CaseClosedAsync(string caseId);

    /// <summary>A cadre goes on or off duty; waiting cases are dispatched the moment someone matching is on.</summary>
    [Alias("SetDuty")]
    Task<RosterEntry?> SetDutyAsync(string cadreId, bool onDuty);
}
