namespace Gongzhi.Gateway.Auth;

/// <summary>Maps a county identity provider's claims to the staff claims every route and handler reads: <c>sub</c>, <c>role</c>, <c>scope</c>.</summary>
public static class OidcClaims
{
    /// <summary>The authentication type of a principal made from the provider's token.</summary>
    public const string AuthenticationType = "oidc";

    /// <summary>The staff principal, or null when the token names no username, no staff role or no scope.</summary>
    public static ClaimsPrincipal? Map(ClaimsPrincipal provided, OidcOptions options)
    {
        var username = provided.FindFirst(options.UsernameClaim)?.Value;
        var role = provided.FindAll(options.RoleClaim)
            .Select(c => options.Roles.TryGetValue(c.Value, out var mapped) ? mapped : c.Value)
            .FirstOrDefault(StaffRoles.All.Contains);
        var scope = provided.FindFirst(options.ScopeClaim)?.Value;
        if (string.IsNullOrWhiteSpace(username) || role is null || string.IsNullOrWhiteSpace(scope))
        {
            return null;
        }

        return new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(StaffRoles.SubjectClaim, username.Trim()),
                new Claim(StaffRoles.RoleClaim, role),
                new Claim(StaffRoles.ScopeClaim, scope.Trim()),
            ],
            AuthenticationType, StaffRoles.SubjectClaim, StaffRoles.RoleClaim));
    }
}
