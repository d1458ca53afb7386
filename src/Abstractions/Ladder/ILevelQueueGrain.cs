namespace Gongzhi.Ladder;

/// <summary>
/// The queue of one rung above the community (key: the sub-district, department or county id): the
/// open cases escalated to it, behind that level's board.
/// </summary>
[Alias("gongzhi.ILevelQueueGrain")]
public interface ILevelQueueGrain : IGrainWithStringKey
{
    /// <summary>A case arrived at this level.</summary>
    [Alias("Add")]
    Task AddAsync(string caseId);

    /// <summary>A case left this level: escalated further, handed back, or closed.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string caseId);

    /// <summary>The ids of the cases at this level, oldest first.</summary>
    [Alias("Get")]
    Task<IReadOnlyList<string>> GetAsync();
}
