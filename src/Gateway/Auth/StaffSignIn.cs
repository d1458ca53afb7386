using Gongzhi.Staff;
using Microsoft.AspNetCore.Identity;

namespace Gongzhi.Gateway.Auth;

/// <summary>
/// Sign-in, renewal, sign-out and password change, with Identity's <c>UserManager</c> (its hasher, lockout and
/// security stamp) and a session per sign-in in the account's grain. Unknown user, wrong password and disabled
/// account all fail alike, and take about as long.
/// </summary>
public sealed class StaffSignIn(UserManager<StaffUser> users, TokenIssuer issuer, IGrainFactory grains)
{
    /// <summary>A hash of a random password, checked when the username is unknown so that the answer takes as long as for a known one.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString()));

    public async Task<SignInOutcome> SignInAsync(string username, string password)
    {
        var user = await users.FindByNameAsync(username);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new StaffUser(), DummyHash.Value, password);
            return SignInOutcome.Failed;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return new SignInOutcome(null, user.LockoutEnd);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user) ? new SignInOutcome(null, user.LockoutEnd) : SignInOutcome.Failed;
        }

        if (user.Disabled)
        {
            return SignInOutcome.Failed;
        }

        await users.ResetAccessFailedCountAsync(user);
        return await OpenSessionAsync(user) is { } token ? new SignInOutcome(token) : SignInOutcome.Failed;
    }

    /// <summary>A fresh token of the caller's session, or null once that session has ended.</summary>
    public async Task<StaffToken?> RenewAsync(ClaimsPrincipal caller)
    {
        if (caller.FindFirst(StaffRoles.SessionClaim)?.Value is not { } sessionId
            || caller.FindFirst(StaffRoles.StampClaim)?.Value is not { } stamp
            || await users.FindByNameAsync(caller.Subject() ?? "") is not { } user)
        {
            return null;
        }

        var expiresAt = issuer.ExpiryFromNow();
        return await Account(user).RenewSessionAsync(sessionId, stamp, expiresAt)
            ? new StaffToken(user, sessionId, issuer.Issue(user, sessionId, expiresAt), expiresAt)
            : null;
    }

    /// <summary>Ends the caller's session: its tokens are refused from now on.</summary>
    public async Task SignOutAsync(ClaimsPrincipal caller)
    {
        if (caller.FindFirst(StaffRoles.SessionClaim)?.Value is { } sessionId && caller.Subject() is { } username)
        {
            await grains.GetGrain<IStaffAccountGrain>(StaffUsernames.Normalize(username)).EndSessionAsync(sessionId);
        }
    }

    /// <summary>
    /// Changes the caller's password: every session ends (the security stamp changes) and a new one opens for the
    /// caller. Null with no errors for a wrong current password, or a token of no session (a dev token is no sign-in,
    /// and must not count failures against a real account); the new password's faults otherwise.
    /// </summary>
    public async Task<(StaffToken? Token, IReadOnlyList<IdentityError> Errors)> ChangePasswordAsync(ClaimsPrincipal caller, string currentPassword, string newPassword)
    {
        if (caller.FindFirst(StaffRoles.SessionClaim) is null || await users.FindByNameAsync(caller.Subject() ?? "") is not { Disabled: false } user)
        {
            return (null, []);
        }

        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            await users.AccessFailedAsync(user);
            return (null, []);
        }

        return result.Succeeded ? (await OpenSessionAsync(user), []) : (null, result.Errors.ToArray());
    }

    private async Task<StaffToken?> OpenSessionAsync(StaffUser user)
    {
        var sessionId = Guid.NewGuid().ToString("N");
        var expiresAt = issuer.ExpiryFromNow();
        return await Account(user).OpenSessionAsync(sessionId, expiresAt)
            ? new StaffToken(user, sessionId, issuer.Issue(user, sessionId, expiresAt), expiresAt)
            : null;
    }

    private IStaffAccountGrain Account(StaffUser user) => grains.GetGrain<IStaffAccountGrain>(user.Key);
}
