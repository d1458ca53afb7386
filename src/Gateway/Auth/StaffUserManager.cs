using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Auth;

/// <summary>
/// Identity's <c>UserManager</c>, with lockout read from the injected clock: Identity 10 reads the wall clock
/// there, and a lockout must end when the (test's) clock says so. Counting and the rule are Identity's own.
/// </summary>
public sealed class StaffUserManager(
    IUserStore<StaffUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<StaffUser> passwordHasher,
    IEnumerable<IUserValidator<StaffUser>> userValidators,
    IEnumerable<IPasswordValidator<StaffUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<StaffUser>> logger,
    TimeProvider time)
    : UserManager<StaffUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(StaffUser user) =>
        await GetLockoutEndDateAsync(user) is { } end && end > time.GetUtcNow();

    public override async Task<IdentityResult> AccessFailedAsync(StaffUser user)
    {
        var lockout = (IUserLockoutStore<StaffUser>)Store;
        var count = await lockout.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await lockout.SetLockoutEndDateAsync(user, time.GetUtcNow() + Options.Lockout.DefaultLockoutTimeSpan, CancellationToken);
            await lockout.ResetAccessFailedCountAsync(user, CancellationToken);
        }

        return await UpdateUserAsync(user);
    }

    /// <summary>
    /// An admin's reset: the new password validated and hashed by Identity, and the security stamp changed (ending
    /// every session), in one write. Identity's own reset needs a token provider, which needs data protection keys.
    /// </summary>
    public async Task<IdentityResult> SetNewPasswordAsync(StaffUser user, string newPassword)
    {
        var valid = await ValidatePasswordAsync(user, newPassword);
        if (!valid.Succeeded)
        {
            return valid;
        }

        user.PasswordHash = PasswordHasher.HashPassword(user, newPassword);
        return await UpdateSecurityStampAsync(user);
    }
}
