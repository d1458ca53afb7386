namespace Gongzhi.VideoPetitions;

/// <summary>
/// The open (requested or scheduled) video petitions addressed to one level owner (key: the community,
/// sub-district, department or county id), behind that level's list.
/// </summary>
[Alias("gongzhi.IVideoPetitionIndexGrain")]
public interface IVideoPetitionIndexGrain : IGrainWithStringKey
{
    /// <summary>A petition was opened for this level.</summary>
    [Alias("Add")]
    Task AddAsync(string petitionId);

    /// <summary>A petition was held or cancelled.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string petitionId);

    /// <summary>The open petitions' ids, oldest first.</summary>
    [Alias("Get")]
    Task<IReadOnlyList<string>> GetAsync();
}
