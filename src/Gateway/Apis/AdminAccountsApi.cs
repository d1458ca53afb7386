using Gongzhi.Staff;
using Microsoft.AspNetCore.Identity;

namespace Gongzhi.Gateway.Apis;

/// <summary>
/// The admin's management of staff accounts: list, create, change role and scope, disable, enable, reset a password.
/// Every change is audited; a change of role or scope, a disabling and a reset end the account's sessions.
/// </summary>
public static class AdminAccountsApi
{
    private const int MaxLength = AuthApi.MaxUsername;

    public static IEndpointRouteBuilder MapAdminAccountsApi(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/v1/admin/accounts").WithTags("Administration").RequireAuthorization(StaffAuthorization.AdminPolicy);
        accounts.MapGet("", ListAsync).WithName("ListAccounts").WithSummary("Every staff account, with whether it is disabled or locked out");
        accounts.MapPost("", CreateAsync).WithName("CreateAccount").WithSummary("Create a staff account with its role, scope and first password")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status409Conflict, RefusalCodes.UsernameTaken);
        accounts.MapPut("/{username}", UpdateAsync).WithName("UpdateAccount").WithSummary("Change an account's display name, role and scope (a new role or scope ends its sessions)")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status404NotFound, RefusalCodes.AccountNotFound);
        accounts.MapPost("/{username}/disable", DisableAsync).WithName("DisableAccount").WithSummary("Disable an account: it cannot sign in and its sessions end")
            .Refuses(StatusCodes.Status404NotFound, RefusalCodes.AccountNotFound);
        accounts.MapPost("/{username}/enable", EnableAsync).WithName("EnableAccount").WithSummary("Enable an account again (and lift a lockout)")
            .Refuses(StatusCodes.Status404NotFound, RefusalCodes.AccountNotFound);
        accounts.MapPost("/{username}/password", ResetPasswordAsync).WithName("ResetAccountPassword").WithSummary("Set a new password for an account: its sessions end")
            .TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields).Refuses(StatusCodes.Status404NotFound, RefusalCodes.AccountNotFound);
        return app;
    }

    public static async Task<Ok<AccountView[]>> ListAsync(IGrainFactory grains, TimeProvider time)
    {
        var usernames = await grains.GetGrain<IStaffDirectoryGrain>(0).GetAsync();
        var accounts = await Task.WhenAll(usernames.Select(u => grains.GetGrain<IStaffAccountGrain>(StaffUsernames.Normalize(u)).GetAsync()));
        var now = time.GetUtcNow();
        return TypedResults.Ok(accounts.OfType<StaffAccount>().Select(a => AccountView.From(StaffUser.From(a), now)).ToArray());
    }

    public static async Task<Results<Created<AccountView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        NewAccountRequest body, ClaimsPrincipal admin, StaffUserManager users, StaffAccountAudit audit, TimeProvider time)
    {
        var errors = Check(body.DisplayName, body.Role, body.Scope);
        if (string.IsNullOrWhiteSpace(body.Username) || body.Username.Length > MaxLength)
        {
            errors["username"] = [$"Required, at most {MaxLength} characters."];
        }

        if (string.IsNullOrEmpty(body.Password) || body.Password.Length > AuthApi.MaxPassword)
        {
            errors["password"] = [$"Required, at most {AuthApi.MaxPassword} characters."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var user = new StaffUser { Username = body.Username!.Trim(), DisplayName = body.DisplayName!.Trim(), Role = body.Role!, Scope = body.Scope!.Trim() };
        var result = await users.CreateAsync(user, body.Password!);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return Problems.Conflict(Refusal.Of(RefusalCodes.UsernameTaken, $"There is already an account '{user.Username}'.", ("username", user.Username)));
        }

        if (!result.Succeeded)
        {
            return Invalid(result, e => e.Code.Contains("UserName", StringComparison.Ordinal) ? "username" : "password");
        }

        await audit.RecordAsync(admin, "account-create", user.Username, Describe(user));
        return TypedResults.Created($"/api/v1/admin/accounts/{user.Username}", AccountView.From(user, time.GetUtcNow()));
    }

    public static async Task<Results<Ok<AccountView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string username, AccountUpdateRequest body, ClaimsPrincipal admin, StaffUserManager users, StaffAccountAudit audit, TimeProvider time)
    {
        var errors = Check(body.DisplayName, body.Role, body.Scope);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        StaffUser? changed = null;
        var result = await ChangeAsync(users, username, user =>
        {
            var newRights = user.Role != body.Role || user.Scope != body.Scope!.Trim();
            (user.DisplayName, user.Role, user.Scope) = (body.DisplayName!.Trim(), body.Role!, body.Scope!.Trim());
            changed = user;
            // A token carries its role and scope: new ones end the sessions, so no token keeps the old rights.
            return newRights ? users.UpdateSecurityStampAsync(user) : users.UpdateAsync(user);
        });
        if (result is null)
        {
            return NotFound(username);
        }

        result.ThrowIfFailed();
        await audit.RecordAsync(admin, "account-update", changed!.Username, Describe(changed));
        return TypedResults.Ok(AccountView.From(changed, time.GetUtcNow()));
    }

    public static Task<Results<NoContent, ProblemHttpResult>> DisableAsync(string username, ClaimsPrincipal admin, StaffUserManager users, StaffAccountAudit audit) =>
        SimpleChangeAsync(username, admin, users, audit, "account-disable", user =>
        {
            user.Disabled = true;
            return users.UpdateSecurityStampAsync(user);
        });

    public static Task<Results<NoContent, ProblemHttpResult>> EnableAsync(string username, ClaimsPrincipal admin, StaffUserManager users, StaffAccountAudit audit) =>
        SimpleChangeAsync(username, admin, users, audit, "account-enable", user =>
        {
            (user.Disabled, user.LockoutEnd, user.AccessFailedCount) = (false, null, 0);
            return users.UpdateAsync(user);
        });

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetPasswordAsync(
        string username, PasswordResetRequest body, ClaimsPrincipal admin, StaffUserManager users, StaffAccountAudit audit)
    {
        if (string.IsNullOrEmpty(body.NewPassword) || body.NewPassword.Length > AuthApi.MaxPassword)
        {
            return Problems.Invalid("newPassword", $"Required, at most {AuthApi.MaxPassword} characters.");
        }

        var result = await ChangeAsync(users, username, user => users.SetNewPasswordAsync(user, body.NewPassword));
        if (result is null)
        {
            return NotFound(username);
        }

        if (!result.Succeeded && result.Errors.All(e => e.Code.StartsWith("Password", StringComparison.Ordinal)))
        {
            return Invalid(result, _ => "newPassword");
        }

        result.ThrowIfFailed();
        await audit.RecordAsync(admin, "account-password-reset", username, "Password set by an admin; sessions ended.");
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SimpleChangeAsync(
        string username, ClaimsPrincipal admin, StaffUserManager users, StaffAccountAudit audit, string action, Func<StaffUser, Task<IdentityResult>> change)
    {
        var result = await ChangeAsync(users, username, change);
        if (result is null)
        {
            return NotFound(username);
        }

        result.ThrowIfFailed();
        await audit.RecordAsync(admin, action, username, "");
        return TypedResults.NoContent();
    }

    /// <summary>Applies a change to the account as stored now, again on a concurrency failure (another change came first); null for an unknown username.</summary>
    private static async Task<IdentityResult?> ChangeAsync(StaffUserManager users, string username, Func<StaffUser, Task<IdentityResult>> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (username.Length > MaxLength || await users.FindByNameAsync(username) is not { } user)
            {
                return null;
            }

            var result = await change(user);
            if (result.Succeeded || attempt == 3 || result.Errors.All(e => e.Code != nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                return result;
            }
        }
    }

    private static Dictionary<string, string[]> Check(string? displayName, string? role, string? scope)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > MaxLength)
        {
            errors["displayName"] = [$"Required, at most {MaxLength} characters."];
        }

        if (role is null || !StaffRoles.All.Contains(role))
        {
            errors["role"] = [$"Must be one of: {string.Join(", ", StaffRoles.All.Order(StringComparer.Ordinal))}."];
        }

        if (string.IsNullOrWhiteSpace(scope) || scope.Length > MaxLength)
        {
            errors["scope"] = [$"Required: a community, sub-district, department or county id, at most {MaxLength} characters."];
        }

        return errors;
    }

    private static string Describe(StaffUser user) => $"role={user.Role} scope={user.Scope} displayName={user.DisplayName}";

    private static ValidationProblem Invalid(IdentityResult result, Func<IdentityError, string> field) =>
        Problems.Invalid(result.Errors.GroupBy(field).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));

    private static ProblemHttpResult NotFound(string username) =>
        Problems.NotFound("No such account", Refusal.Of(RefusalCodes.AccountNotFound, $"There is no account '{username}'.", ("username", username)));

    private static void ThrowIfFailed(this IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The account could not be changed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
