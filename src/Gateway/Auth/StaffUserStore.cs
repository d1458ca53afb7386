using Gongzhi.Staff;
using Microsoft.AspNetCore.Identity;

namespace Gongzhi.Gateway.Auth;

/// <summary>
/// Identity's user store over the staff account grains: <c>UserManager</c> hashes, stamps and counts failures, and
/// every change it makes is stored by one grain call that refuses a write from an older copy (concurrency failure).
/// </summary>
public sealed class StaffUserStore(IGrainFactory grains, IdentityErrorDescriber errors) :
    IUserPasswordStore<StaffUser>, IUserSecurityStampStore<StaffUser>, IUserLockoutStore<StaffUser>
{
    public Task<string> GetUserIdAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.Key);

    public Task<string?> GetUserNameAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Username);

    public Task SetUserNameAsync(StaffUser user, string? userName, CancellationToken cancellationToken)
    {
        user.Username = userName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Key);

    /// <summary>The normalised name is the grain key, derived from the username, not stored apart.</summary>
    public Task SetNormalizedUserNameAsync(StaffUser user, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IdentityResult> CreateAsync(StaffUser user, CancellationToken cancellationToken) =>
        await Grain(user.Key).CreateAsync(user.ToAccount()) switch
        {
            AccountWriteOutcome.Ok => IdentityResult.Success,
            _ => IdentityResult.Failed(errors.DuplicateUserName(user.Username)),
        };

    public async Task<IdentityResult> UpdateAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var expected = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        var outcome = await Grain(user.Key).UpdateAsync(expected, user.ToAccount());
        if (outcome == AccountWriteOutcome.Ok)
        {
            return IdentityResult.Success;
        }

        user.ConcurrencyStamp = expected;
        return IdentityResult.Failed(errors.ConcurrencyFailure());
    }

    /// <summary>Accounts are disabled, never deleted: their username stays in the audit log and in cases' timelines.</summary>
    public Task<IdentityResult> DeleteAsync(StaffUser user, CancellationToken cancellationToken) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "NotSupported", Description = "Staff accounts are disabled, not deleted." }));

    public Task<StaffUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => FindAsync(StaffUsernames.Normalize(userId));

    public Task<StaffUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => FindAsync(normalizedUserName);

    public Task SetPasswordHashAsync(StaffUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(StaffUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(StaffUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    /// <summary>Every staff account can be locked out.</summary>
    public Task<bool> GetLockoutEnabledAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetLockoutEnabledAsync(StaffUser user, bool enabled, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }

    private IStaffAccountGrain Grain(string key) => grains.GetGrain<IStaffAccountGrain>(key);

    private async Task<StaffUser?> FindAsync(string key) => await Grain(key).GetAsync() is { } account ? StaffUser.From(account) : null;
}
