using System.Globalization;
using Gongzhi.Staff;

namespace Gongzhi.Gateway.Apis;

/// <summary>Staff sign-in: a token of a new session, its renewal, sign-out, a password change, and who the caller is.</summary>
public static class AuthApi
{
    /// <summary>The longest username any route takes.</summary>
    public const int MaxUsername = TextLimits.Code;

    /// <summary>The longest password any route takes (hashing a longer one would only cost time).</summary>
    public const int MaxPassword = 256;

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        // The rate limiter counts sign-ins by this path (RateLimits.SignInPath), so the route is mapped from it.
        app.MapPost(Extensions.RateLimits.SignInPath, SignInAsync).WithTags("Sign-in").WithName("SignIn").WithSummary("Sign in with a username and password: a staff token of a new session")
            .AllowAnonymous().TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields)
            .Refuses(StatusCodes.Status401Unauthorized, RefusalCodes.SignInFailed, RefusalCodes.AccountLocked);
        var auth = app.MapGroup("/api/v1/auth").WithTags("Sign-in");
        auth.MapPost("/renew", RenewAsync).WithName("RenewToken").WithSummary("A fresh token of the caller's session")
            .RequireAuthorization(StaffRoles.StaffPolicy).Refuses(StatusCodes.Status401Unauthorized, RefusalCodes.Unauthenticated);
        auth.MapPost("/logout", SignOutAsync).WithName("SignOut").WithSummary("End the caller's session: its tokens are refused from now on")
            .RequireAuthorization(StaffRoles.StaffPolicy);
        auth.MapPost("/password", ChangePasswordAsync).WithName("ChangePassword")
            .WithSummary("Change the caller's password: every other session ends, and a token of a new one comes back")
            .RequireAuthorization(StaffRoles.StaffPolicy).TakesJson().Refuses(StatusCodes.Status400BadRequest, RefusalCodes.InvalidFields)
            .Refuses(StatusCodes.Status401Unauthorized, RefusalCodes.SignInFailed);
        auth.MapGet("/me", GetMeAsync).WithName("GetMe").WithSummary("Who the caller is, and when their token expires")
            .RequireAuthorization(StaffRoles.StaffPolicy);
        return app;
    }

    public static async Task<Results<Ok<SignInResponse>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        SignInRequest body, StaffSignIn signIn, TimeProvider time, HttpResponse response)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Username) || body.Username.Length > MaxUsername)
        {
            errors["username"] = [$"Required, at most {MaxUsername} characters."];
        }

        if (string.IsNullOrEmpty(body.Password) || body.Password.Length > MaxPassword)
        {
            errors["password"] = [$"Required, at most {MaxPassword} characters."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var outcome = await signIn.SignInAsync(body.Username!, body.Password!);
        if (outcome.Token is { } token)
        {
            return TypedResults.Ok(SignInResponse.From(token));
        }

        return outcome.LockedUntil is { } until ? Locked(until, time, response) : SignInFailed();
    }

    public static async Task<Results<Ok<SignInResponse>, ProblemHttpResult>> RenewAsync(ClaimsPrincipal user, StaffSignIn signIn) =>
        await signIn.RenewAsync(user) is { } token
            ? TypedResults.Ok(SignInResponse.From(token))
            : Problems.Unauthorized(Refusal.Of(RefusalCodes.Unauthenticated, "The session has ended: sign in again."));

    public static async Task<NoContent> SignOutAsync(ClaimsPrincipal user, StaffSignIn signIn)
    {
        await signIn.SignOutAsync(user);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<SignInResponse>, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        PasswordChangeRequest body, ClaimsPrincipal user, StaffSignIn signIn)
    {
        if (string.IsNullOrEmpty(body.CurrentPassword) || body.CurrentPassword.Length > MaxPassword)
        {
            return Problems.Invalid("currentPassword", $"Required, at most {MaxPassword} characters.");
        }

        if (string.IsNullOrEmpty(body.NewPassword) || body.NewPassword.Length > MaxPassword)
        {
            return Problems.Invalid("newPassword", $"Required, at most {MaxPassword} characters.");
        }

        var (token, errors) = await signIn.ChangePasswordAsync(user, body.CurrentPassword, body.NewPassword);
        if (token is not null)
        {
            return TypedResults.Ok(SignInResponse.From(token));
        }

        return errors.Count > 0 ? Problems.Invalid("newPassword", string.Join(" ", errors.Select(e => e.Description))) : SignInFailed();
    }

    public static async Task<Results<Ok<StaffMe>, ProblemHttpResult>> GetMeAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        var account = await grains.GetGrain<IStaffAccountGrain>(StaffUsernames.Normalize(user.Subject() ?? "")).GetAsync();
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(user.FindFirst("exp")?.Value ?? "0", CultureInfo.InvariantCulture));
        return TypedResults.Ok(new StaffMe(user.Subject() ?? "", account?.DisplayName ?? user.Subject() ?? "", user.Role() ?? "", user.Scope() ?? "", expiresAt));
    }

    private static ProblemHttpResult SignInFailed() =>
        Problems.Unauthorized(Refusal.Of(RefusalCodes.SignInFailed, "The username or password is wrong."));

    private static ProblemHttpResult Locked(DateTimeOffset until, TimeProvider time, HttpResponse response)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((until - time.GetUtcNow()).TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Unauthorized(Refusal.Of(RefusalCodes.AccountLocked, "Too many failed sign-ins: try again later.",
            ("until", until.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))));
    }
}
