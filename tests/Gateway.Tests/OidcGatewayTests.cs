using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using static Gongzhi.Gateway.Tests.StaffAccounts;

namespace Gongzhi.Gateway.Tests;

/// <summary>
/// With a county provider configured, the gateway takes the provider's signed access tokens as staff tokens, its
/// claims mapped to role and scope, and its own sign-in still works. The provider's discovery document is replaced by
/// the same configuration held in memory (no provider can be reached here); everything else is the real JwtBearer check.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class OidcGatewayTests(GatewayFixture fixture)
{
    private const string Issuer = "https://idp.wenshang.test/realms/county";
    private static readonly RsaSecurityKey ProviderKey = new(RSA.Create(2048)) { KeyId = "county-1" };

    [Fact]
    public async Task Our_own_tokens_still_open_staff_routes_when_a_county_provider_is_configured()
    {
        await using var gateway = WithProvider();
        var username = await CreateAsync(gateway);

        var staff = gateway.Bearer(await TokenAsync(gateway, username));

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/v1/communities/ximen/roster")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.CreateClient().GetAsync("/api/v1/communities/ximen/roster")).StatusCode);
    }

    [Fact]
    public async Task A_provider_token_whose_mapped_role_and_scope_fit_opens_the_route_and_no_further()
    {
        await using var gateway = WithProvider();
        var dispatcher = gateway.Bearer(ProviderToken("county-dispatch", "ximen"));

        Assert.Equal(HttpStatusCode.OK, (await dispatcher.GetAsync("/api/v1/communities/ximen/roster")).StatusCode);
        Assert.Contains((await gateway.Bearer(ProviderToken("county-dispatch", "another-community")).GetAsync("/api/v1/communities/ximen/roster")).StatusCode,
            new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync("/api/v1/admin/accounts")).StatusCode);
    }

    [Fact]
    public async Task A_provider_token_that_maps_to_no_staff_role_or_is_not_the_providers_is_refused()
    {
        await using var gateway = WithProvider();

        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.Bearer(ProviderToken("employee", "ximen")).GetAsync("/api/v1/communities/ximen/roster")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.Bearer(ProviderToken("county-dispatch", "ximen", key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "county-1" }))
            .GetAsync("/api/v1/communities/ximen/roster")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.Bearer(ProviderToken("county-dispatch", "ximen", audience: "another-app"))
            .GetAsync("/api/v1/communities/ximen/roster")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.Bearer(ProviderToken("county-dispatch", "ximen", expires: DateTime.UtcNow.AddMinutes(-10)))
            .GetAsync("/api/v1/communities/ximen/roster")).StatusCode);
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithProvider() =>
        fixture.Gateway("intake").WithWebHostBuilder(web =>
        {
            web.UseSetting("Auth:Oidc:Authority", Issuer);
            web.UseSetting("Auth:Oidc:Roles:county-dispatch", "dispatcher");
            web.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>("oidc", o =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
                configuration.SigningKeys.Add(ProviderKey);
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            }));
        });

    private static string ProviderToken(string role, string scope, SecurityKey? key = null, string audience = "gongzhi", DateTime? expires = null)
    {
        var notAfter = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = notAfter.AddMinutes(-20),
            NotBefore = notAfter.AddMinutes(-20),
            Expires = notAfter,
            Claims = new Dictionary<string, object>
            {
                ["preferred_username"] = "li.dispatcher",
                ["roles"] = new[] { "employee", role },
                ["gongzhi_scope"] = scope,
            },
            SigningCredentials = new SigningCredentials(key ?? ProviderKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
