namespace Gongzhi.Cadres;

/// <summary>
/// A cadre (key: cadre id): who they are and which community they serve. Duty and load live in that
/// community (<see cref="Communities.ICommunityGrain.GetCadreAsync"/>), written once, not twice per case.
/// </summary>
[Alias("gongzhi.ICadreGrain")]
public interface ICadreGrain : IGrainWithStringKey
{
    /// <summary>Records who the cadre is and which community they serve.</summary>
    [Alias("Configure")]
    Task ConfigureAsync(string communityId, Communities.CadreProfile profile);

    /// <summary>The community the cadre serves, or null for an unknown cadre.</summary>
    [Alias("GetCommunity")]
    Task<string?> GetCommunityIdAsync();
}
