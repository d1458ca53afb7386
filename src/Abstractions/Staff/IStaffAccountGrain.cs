namespace Gongzhi.Staff;

/// <summary>
/// One staff account (key: the normalised username, <see cref="StaffUsernames.Normalize"/>) and its open sessions.
/// A session is the life of one sign-in: a token carries its id, and a token whose session ended is refused.
/// </summary>
[Alias("gongzhi.IStaffAccountGrain")]
public interface IStaffAccountGrain : IGrainWithStringKey
{
    /// <summary>The account, or null when none has this username.</summary>
    [Alias("Get")]
    Task<StaffAccount?> GetAsync();

    /// <summary>Creates the account and lists it in the staff directory; <see cref="AccountWriteOutcome.Exists"/> if there is one already (unless it is this very account: a retry).</summary>
    [Alias("Create")]
    Task<AccountWriteOutcome> CreateAsync(StaffAccount account);

    /// <summary>
    /// Stores <paramref name="account"/> if the stored copy still carries <paramref name="expectedConcurrencyStamp"/>.
    /// A changed security stamp or a disabled account ends every open session.
    /// </summary>
    [Alias("Update")]
    Task<AccountWriteOutcome> UpdateAsync(string expectedConcurrencyStamp, StaffAccount account);

    /// <summary>Opens a session lasting until <paramref name="expiresAt"/>; false for an unknown or disabled account.</summary>
    [Alias("OpenSession")]
    Task<bool> OpenSessionAsync(string sessionId, DateTimeOffset expiresAt);

    /// <summary>Extends an open session whose token carries the current security stamp; false when it has ended.</summary>
    [Alias("RenewSession")]
    Task<bool> RenewSessionAsync(string sessionId, string securityStamp, DateTimeOffset expiresAt);

    /// <summary>Ends a session: its tokens are refused from now on.</summary>
    [Alias("EndSession")]
    Task EndSessionAsync(string sessionId);

    /// <summary>Whether a token of this session, carrying this security stamp, is still good: the session open, the stamp current, the account enabled.</summary>
    [Alias("IsSessionOpen")]
    Task<bool> IsSessionOpenAsync(string sessionId, string securityStamp);
}
