namespace Gongzhi.Communities;

/// <summary>The county's list of communities (key 0), filled as communities are loaded from the seeds.</summary>
[Alias("gongzhi.ICommunityDirectoryGrain")]
public interface ICommunityDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a community, or moves it to another sub-district or county.</summary>
    [Alias("Register")]
    Task RegisterAsync(CommunityPlace place);

    /// <summary>The communities a scope names: the community itself, or every community of the sub-district or county; empty for an unknown id.</summary>
    [Alias("Find")]
    Task<IReadOnlyList<CommunityPlace>> FindAsync(string scope);

    /// <summary>Every community known, by id.</summary>
    [Alias("List")]
    Task<IReadOnlyList<CommunityPlace>> ListAsync();
}
