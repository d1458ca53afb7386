using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gongzhi.Gateway.Auth;

/// <summary>Signs staff tokens and describes how they are checked.</summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly AuthOptions _options = options.Value;

    public string Issue(string role, string subject, string scope)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _options.TokenLifetime,
            Claims = new Dictionary<string, object>
            {
                [StaffRoles.SubjectClaim] = subject,
                [StaffRoles.RoleClaim] = role,
                [StaffRoles.ScopeClaim] = scope,
            },
            SigningCredentials = new SigningCredentials(Key(_options), SecurityAlgorithms.HmacSha256),
        });
    }

    public static SymmetricSecurityKey Key(AuthOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));

    public static TokenValidationParameters Validation(AuthOptions options) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKey = Key(options),
        RoleClaimType = StaffRoles.RoleClaim,
        NameClaimType = StaffRoles.SubjectClaim,
        ClockSkew = TimeSpan.FromMinutes(1),
    };
}
