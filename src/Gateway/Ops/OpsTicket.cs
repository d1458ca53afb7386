using Microsoft.Extensions.Options;

namespace Gongzhi.Gateway.Ops;

/// <summary>
/// A browser's navigation to <c>/ops/...</c> carries no bearer header, so an admin's page first asks for a ticket: an
/// HttpOnly, SameSite=Strict cookie scoped to <see cref="CookiePath"/>, holding a short token of the admin's own
/// session, ending at the ticket's lifetime or the bearer token's expiry, whichever comes first. The session check still applies to it: signing out ends it as it ends the bearer token.
/// </summary>
public sealed class OpsTicket(TokenIssuer issuer, IOptions<OpsOptions> options, TimeProvider time)
{
    public const string CookieName = "gongzhi-ops";

    public const string CookiePath = "/ops";

    /// <summary>Sets the ticket's cookie on <paramref name="response"/> for <paramref name="admin"/>, and answers when it expires.</summary>
    public DateTimeOffset Issue(ClaimsPrincipal admin, HttpResponse response)
    {
        var now = time.GetUtcNow();
        var expiresAt = Earliest(now + options.Value.TicketLifetime, BearerExpiry(admin));
        var token = admin.FindFirst(StaffRoles.SessionClaim)?.Value is { } sessionId
            ? issuer.Issue(new StaffUser
            {
                Username = admin.Subject() ?? "",
                Role = admin.Role() ?? "",
                Scope = admin.Scope() ?? "",
                SecurityStamp = admin.FindFirst(StaffRoles.StampClaim)?.Value ?? "",
            }, sessionId, expiresAt)
            : issuer.Issue(admin.Role() ?? "", admin.Subject() ?? "", admin.Scope() ?? "", expiresAt);
        response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            Path = CookiePath,
            MaxAge = expiresAt - now,
        });
        return expiresAt;
    }

    // The bearer token's own end (its exp claim, seconds): a ticket never outlives the token it was asked with.
    private static DateTimeOffset? BearerExpiry(ClaimsPrincipal admin) =>
        long.TryParse(admin.FindFirst("exp")?.Value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other < a ? other : a;

    /// <summary>The ticket's token on a request to <see cref="CookiePath"/>; no other path reads the cookie.</summary>
    public static string? Of(HttpRequest request) =>
        request.Path.StartsWithSegments(CookiePath) && request.Cookies[CookieName] is { Length: > 0 } token ? token : null;
}
