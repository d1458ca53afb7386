using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gongzhi.Gateway.Auth;

/// <summary>Signs staff tokens (JWT, HS256) and describes how they are checked.</summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly AuthOptions _options = options.Value;

    /// <summary>When a token issued now expires.</summary>
    public DateTimeOffset ExpiryFromNow() => time.GetUtcNow() + _options.TokenLifetime;

    /// <summary>A token of no session (the dev-token switch only): the session check lets it through only while that switch is on.</summary>
    public string Issue(string role, string subject, string scope) => Issue(role, subject, scope, ExpiryFromNow());

    /// <summary>As above, valid until <paramref name="expiresAt"/>.</summary>
    public string Issue(string role, string subject, string scope, DateTimeOffset expiresAt) =>
        Issue(expiresAt, new()
        {
            [StaffRoles.SubjectClaim] = subject,
            [StaffRoles.RoleClaim] = role,
            [StaffRoles.ScopeClaim] = scope,
        });

    /// <summary>A token of <paramref name="user"/>'s session <paramref name="sessionId"/>, valid until <paramref name="expiresAt"/>.</summary>
    public string Issue(StaffUser user, string sessionId, DateTimeOffset expiresAt) =>
        Issue(expiresAt, new()
        {
            [StaffRoles.SubjectClaim] = user.Username,
            [StaffRoles.RoleClaim] = user.Role,
            [StaffRoles.ScopeClaim] = user.Scope,
            [StaffRoles.SessionClaim] = sessionId,
            [StaffRoles.StampClaim] = user.SecurityStamp,
        });

    private string Issue(DateTimeOffset expiresAt, Dictionary<string, object> claims)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expiresAt.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(Key(_options), SecurityAlgorithms.HmacSha256),
        });
    }

    public static SymmetricSecurityKey Key(AuthOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));

    public static TokenValidationParameters Validation(AuthOptions options) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKey = Key(options),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RoleClaimType = StaffRoles.RoleClaim,
        NameClaimType = StaffRoles.SubjectClaim,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
