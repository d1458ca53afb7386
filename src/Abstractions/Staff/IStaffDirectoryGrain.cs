namespace Gongzhi.Staff;

/// <summary>The usernames of every staff account (key 0), for the admin's list. An account is listed before it is stored.</summary>
[Alias("gongzhi.IStaffDirectoryGrain")]
public interface IStaffDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Lists a username (once).</summary>
    [Alias("Add")]
    Task AddAsync(string username);

    /// <summary>Every listed username, oldest first; one whose account was never stored may be among them.</summary>
    [Alias("Get")]
    Task<IReadOnlyList<string>> GetAsync();
}
