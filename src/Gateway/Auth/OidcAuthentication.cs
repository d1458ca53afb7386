using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gongzhi.Gateway.Auth;

/// <summary>
/// With <see cref="OidcOptions.Authority"/> set, a second bearer scheme accepts the county provider's tokens, and a
/// policy scheme sends each request to ours or to it by the token's issuer. Off by default: nothing is registered.
/// </summary>
public static class OidcAuthentication
{
    public const string Scheme = "oidc";

    private static readonly JsonWebTokenHandler TokenReader = new();

    /// <summary>The default scheme when the option is on: forwards to <see cref="JwtBearerDefaults.AuthenticationScheme"/> or <see cref="Scheme"/>.</summary>
    public const string SelectorScheme = "staff-or-oidc";

    public static AuthenticationBuilder AddStaffOidc(this AuthenticationBuilder builder, IConfiguration configuration)
    {
        var oidc = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        if (!oidc.Enabled)
        {
            return builder;
        }

        var ourIssuer = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.Issuer ?? new AuthOptions().Issuer;
        builder.Services.Configure<AuthenticationOptions>(o => o.DefaultScheme = o.DefaultAuthenticateScheme = o.DefaultChallengeScheme = SelectorScheme);
        builder.AddPolicyScheme(SelectorScheme, "Staff token or the county's", o =>
            o.ForwardDefaultSelector = context => IssuerOf(BearerTokens.Of(context.Request)) is { } issuer && issuer != ourIssuer ? Scheme : JwtBearerDefaults.AuthenticationScheme);
        return builder.AddJwtBearer(Scheme, jwt =>
        {
            jwt.Authority = oidc.Authority;
            jwt.Audience = oidc.Audience;
            jwt.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            jwt.MapInboundClaims = false;
            jwt.Events = new JwtBearerEvents
            {
                OnMessageReceived = BearerTokens.OnMessageReceived,
                OnTokenValidated = context =>
                {
                    if (OidcClaims.Map(context.Principal!, oidc) is { } staff)
                    {
                        context.Principal = staff;
                    }
                    else
                    {
                        context.Fail("The provider's token names no username, staff role or scope.");
                    }

                    return Task.CompletedTask;
                },
            };
        });
    }

    /// <summary>The issuer a token says it has, read without validating it: only to choose the scheme that validates it.</summary>
    private static string? IssuerOf(string? token)
    {
        return token is not null && TokenReader.CanReadToken(token) ? TokenReader.ReadJsonWebToken(token).Issuer : null;
    }
}
