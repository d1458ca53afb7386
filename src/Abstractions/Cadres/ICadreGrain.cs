using Gongzhi.Communities;

namespace Gongzhi.Cadres;

/// <summary>A cadre (key: cadre id): duty state and current assignments. Called by the cadre's community.</summary>
[Alias("gongzhi.ICadreGrain")]
public interface ICadreGrain : IGrainWithStringKey
{
    /// <summary>Records who the cadre is and which community they serve.</summary>
    [Alias("Configure")]
    Task ConfigureAsync(string communityId, CadreProfile profile);

    /// <summary>The cadre's view, or null for an unknown cadre.</summary>
    [Alias("Get")]
    Task<CadreView?> GetAsync();

    /// <summary>Records the cadre's duty state.</summary>
    [Alias("SetDuty")]
    Task SetDutyAsync(bool onDuty);

    /// <summary>Adds a case to the cadre's queue.</summary>
    [Alias("AddAssignment")]
    Task AddAssignmentAsync(string caseId);

    /// <summary>Takes a resolved case off the cadre's queue.</summary>
    [Alias("RemoveAssignment")]
    Task RemoveAssignmentAsync(string caseId);
}
